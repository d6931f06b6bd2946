/**
 * Names of constraints as PostgreSQL's ChooseConstraintName sees them: every constraint in the
 * schema (pg_constraint per namespace: table and domain constraints, NOT NULL ones included; not
 * index or relation names).
 * The NOT NULL names chosen for a new table's columns avoid them.
 */
import { constraintNameMayExist, recordConstraintName } from './constraint-names-used.js';
import { chooseName } from './object-names.js';
import { qualifiedName, type Column, type SchemaModel, type Table } from './model.js';
import { notNullName, parentColumn, plainNotNullName } from './not-null.js';

/**
 * How many constraints in `schemaName` have each name. A NOT NULL a partition takes from its
 * parent counts once, under the parent. The NOT NULL constraints of `left` are left out.
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
 * Whether a NOT NULL constraint outside `left` is called `name` as `<table>_<column>_not_null`
 * derived whole (not shortened): only a table whose name `name` starts with can give it, so those
 * are looked up instead of deriving every column's name.
 */
function derivedWhole(schema: SchemaModel, schemaName: string, name: string, left: ReadonlySet<Column>): boolean {
  const tableAndColumn = name.slice(0, -PLAIN_SUFFIX.length);
  for (let split = tableAndColumn.indexOf('_'); split > 0; split = tableAndColumn.indexOf('_', split + 1)) {
    const table = schema.tables.get(qualifiedName(schemaName, tableAndColumn.slice(0, split)));
    const column = table?.columns.find((candidate) => candidate.name === tableAndColumn.slice(split + 1));
    if (table && column && column.notNull && !column.notNullName && !left.has(column) && !parentColumn(schema, table, column)) return true;
  }
  return false;
}

/**
 * Whether a NOT NULL name ChooseConstraintName tries (`<table>_<column>_not_null`, maybe with a
 * number) is taken: what constraintNameCounts counts, as a question about one name. A name no
 * constraint has had (constraint-names-used.ts) can only be a NOT NULL's derived one, found by
 * the tables whose name it starts with; only a name that may be kept somewhere, or one shortened
 * to 63 bytes, costs one count of the schema's names.
 */
function notNullNameTaken(schema: SchemaModel, schemaName: string, left: ReadonlySet<Column>): (name: string) => boolean {
  let counts: Map<string, number> | undefined;
  const counted = (name: string) => {
    counts ??= constraintNameCounts(schema, schemaName, left);
    return counts.has(name);
  };
  return (name) => {
    if (constraintNameMayExist(schema, name)) return counted(name);
    if (!name.endsWith(PLAIN_SUFFIX)) return false;
    return Buffer.byteLength(name) < SHORTENED_MINIMUM ? derivedWhole(schema, schemaName, name, left) : counted(name);
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
  const taken = notNullNameTaken(schema, table.schema, unnamed);
  const chosen = new Set<string>();
  for (const column of unnamed) {
    const name = chooseName(table.name, [column.name], 'not_null', (candidate) => chosen.has(candidate) || taken(candidate));
    if (name !== plainNotNullName(table, column.name)) {
      column.notNullName = name;
      recordConstraintName(schema, name);
    }
    chosen.add(name);
  }
}
