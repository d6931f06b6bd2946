/**
 * NOT NULL constraint names as PostgreSQL 18 keeps them in pg_constraint: chosen when the
 * constraint is made (`<table>_<column>_not_null`, with 1, 2, ... appended when another
 * constraint in the schema has that name, or the name written), inherited by partitions and
 * INHERITS children under the parent's name, copied by LIKE, and kept through later renames.
 *
 * The model stores a name only when it differs from what the current names would give: a
 * rename first pins the name the constraint already has.
 */
import { recordConstraintName } from './constraint-names-used.js';
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
export function parentColumn(schema: SchemaModel, table: Table, column: Column): { table: Table; column: Column } | null {
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
    if (name) {
      column.notNullName = name;
      recordConstraintName(schema, name);
    }
  }
}

/** The column whose NOT NULL constraint is called `name`, for DROP CONSTRAINT. */
export function columnWithNotNull(schema: SchemaModel, table: Table, name: string): Column | undefined {
  return table.columns.find((column) => notNullName(schema, table, column) === name);
}
