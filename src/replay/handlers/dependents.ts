/**
 * What goes with an object when it is dropped or renamed: the indexes and constraints that
 * name it, here and in other tables.
 */
import { qualifiedName, type SchemaModel, type Table } from '../model.js';

export function dropConstraint(schema: SchemaModel, table: Table, name: string): void {
  table.constraints = table.constraints.filter((constraint) => constraint.name !== name);
  for (const [key, index] of schema.indexes) {
    if (index.constraint === name && index.table === qualifiedName(table.schema, table.name)) schema.indexes.delete(key);
  }
}

/** PostgreSQL drops single-column constraints and indexes with the column; so does the model. */
export function dropColumnDependents(schema: SchemaModel, table: Table, column: string): void {
  const tableKey = qualifiedName(table.schema, table.name);
  for (const constraint of [...table.constraints]) {
    if (constraint.columns.includes(column)) dropConstraint(schema, table, constraint.name);
  }
  for (const [key, index] of schema.indexes) {
    if (index.table === tableKey && index.keys.includes(column)) schema.indexes.delete(key);
  }
}

/** Tables other than `tableKey` with a foreign key to it. */
export function referencingTables(schema: SchemaModel, tableKey: string): Table[] {
  return [...schema.tables.values()].filter(
    (table) =>
      qualifiedName(table.schema, table.name) !== tableKey &&
      table.constraints.some((constraint) => constraint.references?.table === tableKey),
  );
}

export function dropTable(schema: SchemaModel, tableKey: string): void {
  schema.tables.delete(tableKey);
  for (const [key, index] of schema.indexes) if (index.table === tableKey) schema.indexes.delete(key);
  for (const table of referencingTables(schema, tableKey)) {
    for (const constraint of table.constraints.filter((c) => c.references?.table === tableKey)) {
      dropConstraint(schema, table, constraint.name);
    }
  }
}

export function renameTable(schema: SchemaModel, oldKey: string, newKey: string): void {
  const table = schema.tables.get(oldKey)!;
  schema.tables.delete(oldKey);
  const [newSchema, ...rest] = newKey.split('.');
  table.schema = newSchema!;
  table.name = rest.join('.');
  schema.tables.set(newKey, table);
  for (const index of schema.indexes.values()) if (index.table === oldKey) index.table = newKey;
  for (const other of schema.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === oldKey) constraint.references.table = newKey;
    }
  }
}

export function renameColumn(schema: SchemaModel, table: Table, from: string, to: string): void {
  const tableKey = qualifiedName(table.schema, table.name);
  const rename = (names: string[]) => names.map((name) => (name === from ? to : name));
  for (const column of table.columns) if (column.name === from) column.name = to;
  for (const constraint of table.constraints) constraint.columns = rename(constraint.columns);
  for (const index of schema.indexes.values()) if (index.table === tableKey) index.keys = rename(index.keys);
  for (const other of schema.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === tableKey) constraint.references.columns = rename(constraint.references.columns);
    }
  }
}
