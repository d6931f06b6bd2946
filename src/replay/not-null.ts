/**
 * NOT NULL constraint names as PostgreSQL 18 keeps them in pg_constraint: chosen when the
 * constraint is made (`<table>_<column>_not_null`, with 1, 2, ... appended when another
 * constraint in the schema has that name, or the name written), inherited by partitions and
 * INHERITS children under the parent's name, copied by LIKE, and kept through later renames.
 *
 * The model stores a name only when it differs from what the current names would give: a
 * rename first pins the name the constraint already has.
 */
import { chooseName } from './object-names.js';
import { qualifiedName, type Column, type SchemaModel, type Table } from './model.js';

/** `<table>_<column>_not_null` (truncated as PostgreSQL does): the name a new NOT NULL constraint gets when no other constraint in the schema has it. */
export function plainNotNullName(table: Table, column: string): string {
  return chooseName(table.name, [column], 'not_null', () => false);
}

/**
 * The parent a partition's NOT NULL constraint comes from. (A child through INHERITS keeps its
 * own name for a column it declares itself, as the baseline's CREATE TABLE declares them all.)
 */
function parentColumn(schema: SchemaModel, table: Table, column: Column): { table: Table; column: Column } | null {
  const parent = table.partitionOf ? schema.tables.get(table.partitionOf) : undefined;
  const inherited = parent?.columns.find((candidate) => candidate.name === column.name && candidate.notNull);
  return parent && inherited ? { table: parent, column: inherited } : null;
}

/** The name of the column's NOT NULL constraint in pg_constraint; null when the column is nullable. */
export function notNullName(schema: SchemaModel, table: Table, column: Column): string | null {
  if (!column.notNull) return null;
  if (column.notNullName) return column.notNullName;
  const parent = parentColumn(schema, table, column);
  return parent ? notNullName(schema, parent.table, parent.column) : plainNotNullName(table, column.name);
}

/** Before a table or one of its columns is renamed: its NOT NULL constraints, and those its children inherit, keep their names. */
export function pinNotNullNames(schema: SchemaModel, table: Table, seen = new Set<Table>()): void {
  if (seen.has(table)) return;
  seen.add(table);
  const key = qualifiedName(table.schema, table.name);
  for (const child of schema.tables.values()) if (child.partitionOf === key) pinNotNullNames(schema, child, seen);
  for (const column of table.columns) {
    const name = notNullName(schema, table, column);
    if (name) column.notNullName = name;
  }
}

/** The column whose NOT NULL constraint is called `name`, for DROP CONSTRAINT. */
export function columnWithNotNull(schema: SchemaModel, table: Table, name: string): Column | undefined {
  return table.columns.find((column) => notNullName(schema, table, column) === name);
}

/**
 * How many constraints in `schemaName` have each name: pg_constraint's names per namespace, which
 * ChooseConstraintName avoids (table and domain constraints, NOT NULL ones included; not index or
 * relation names). A NOT NULL a partition takes from its parent counts once, under the parent.
 * The NOT NULL constraints of `left` are left out.
 */
export function constraintNameCounts(schema: SchemaModel, schemaName: string, left: ReadonlySet<Column> = new Set()): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const table of schema.tables.values()) {
    if (table.schema !== schemaName) continue;
    for (const constraint of table.constraints) count(constraint.name);
    for (const column of table.columns) {
      if (column.notNull && !left.has(column) && !parentColumn(schema, table, column)) count(notNullName(schema, table, column)!);
    }
  }
  for (const type of schema.types.values()) if (type.schema === schemaName) for (const check of type.checks) count(check.name);
  return counts;
}

/**
 * The byte length a `<table>_<column>_not_null` shortened to PostgreSQL's 63 bytes has at least:
 * makeObjectName cuts the two names to 53 bytes together, and each cut may back off 3 bytes to a
 * character boundary.
 */
const SHORTENED_MINIMUM = 57;
const PLAIN_SUFFIX = '_not_null';

/**
 * Whether a NOT NULL constraint outside `left` has the name `<table>_<column>_not_null` derived
 * whole (not shortened) from its table's and column's names: only a table whose name `name` starts
 * with can give it, so those are looked up instead of deriving every column's name.
 */
function derivedWhole(schema: SchemaModel, schemaName: string, name: string, left: ReadonlySet<Column>): boolean {
  if (!name.endsWith(PLAIN_SUFFIX)) return false;
  const tableAndColumn = name.slice(0, -PLAIN_SUFFIX.length);
  for (let split = tableAndColumn.indexOf('_'); split > 0; split = tableAndColumn.indexOf('_', split + 1)) {
    const table = schema.tables.get(qualifiedName(schemaName, tableAndColumn.slice(0, split)));
    const column = table?.columns.find((candidate) => candidate.name === tableAndColumn.slice(split + 1));
    if (table && column && column.notNull && !column.notNullName && !left.has(column) && !parentColumn(schema, table, column)) return true;
  }
  return false;
}

/**
 * What constraintNameCounts counts, as a question about one name, without deriving every
 * column's NOT NULL name on every new table (that made the replay quadratic): the names written
 * or kept (constraints, pinned NOT NULL names, domain checks) are read once, and a name shorter
 * than any shortened one can only be derived whole.
 */
function constraintNameTaken(schema: SchemaModel, schemaName: string, left: ReadonlySet<Column>): (name: string) => boolean {
  const kept = new Set<string>();
  for (const table of schema.tables.values()) {
    if (table.schema !== schemaName) continue;
    for (const constraint of table.constraints) kept.add(constraint.name);
    for (const column of table.columns) {
      if (column.notNullName && column.notNull && !left.has(column) && !parentColumn(schema, table, column)) kept.add(column.notNullName);
    }
  }
  for (const type of schema.types.values()) if (type.schema === schemaName) for (const check of type.checks) kept.add(check.name);
  let counts: Map<string, number> | undefined;
  return (name) => {
    if (Buffer.byteLength(name) < SHORTENED_MINIMUM) return kept.has(name) || derivedWhole(schema, schemaName, name, left);
    counts ??= constraintNameCounts(schema, schemaName, left);
    return counts.has(name);
  };
}

/**
 * Names the NOT NULL constraints `columns` of `table` just got (in the order PostgreSQL makes
 * them) as ChooseConstraintName does; a written name, or one taken from a parent or a LIKE
 * source, stays.
 */
export function nameNewNotNulls(schema: SchemaModel, table: Table, columns: Column[]): void {
  const unnamed = new Set(columns.filter((column) => column.notNull && !column.notNullName && !parentColumn(schema, table, column)));
  if (unnamed.size === 0) return;
  const taken = constraintNameTaken(schema, table.schema, unnamed);
  const chosen = new Set<string>();
  for (const column of unnamed) {
    const name = chooseName(table.name, [column.name], 'not_null', (candidate) => chosen.has(candidate) || taken(candidate));
    if (name !== plainNotNullName(table, column.name)) column.notNullName = name;
    chosen.add(name);
  }
}
