/** CREATE INDEX text for the indexes that no constraint creates. */
import type { Index, SchemaModel } from '../replay/model.js';
import { ident, qualifiedKey } from './sql.js';
import { storageClause } from './table-ddl.js';

function keyText(key: string, columns: Set<string>): string {
  return columns.has(key) ? ident(key) : `(${key})`;
}

export function createIndex(index: Index, schema: SchemaModel): string {
  const table = schema.tables.get(index.table);
  const columns = new Set(table?.columns.map((column) => column.name) ?? []);
  const method = index.method === 'btree' ? '' : ` USING ${index.method}`;
  // keySql carries each key's collation, operator class and ordering, as CREATE INDEX wrote it.
  const keys = (index.keySql.length === index.keys.length ? index.keySql : index.keys.map((key) => keyText(key, columns))).join(', ');
  const include = index.include.length > 0 ? ` INCLUDE (${index.include.map((key) => keyText(key, columns)).join(', ')})` : '';
  const nulls = index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const where = index.where ? ` WHERE ${index.where}` : '';
  const unique = index.unique ? 'UNIQUE ' : '';
  return `CREATE ${unique}INDEX ${ident(index.name)} ON ${index.only ? 'ONLY ' : ''}${qualifiedKey(index.table)}${method} (${keys})${include}${nulls}${storageClause(index.storageParameters)}${where};`;
}

/** An index PostgreSQL creates on a partition by itself, because its parent has the same one. */
function fromParent(index: Index, schema: SchemaModel): boolean {
  const parent = schema.tables.get(index.table)?.partitionOf;
  if (!parent) return false;
  return [...schema.indexes.values()].some(
    (candidate) =>
      candidate.table === parent &&
      candidate.unique === index.unique &&
      candidate.method === index.method &&
      candidate.where === index.where &&
      candidate.keys.join('\u0000') === index.keys.join('\u0000'),
  );
}

/** Standalone indexes of the relations given (tables, or materialized views), grouped by relation in the order given, then by name. */
export function standaloneIndexes(schema: SchemaModel, tableOrder: string[]): Index[] {
  const position = new Map(tableOrder.map((key, order) => [key, order]));
  return [...schema.indexes.values()]
    .filter((index) => index.constraint === null && position.has(index.table) && !fromParent(index, schema))
    .sort((a, b) => position.get(a.table)! - position.get(b.table)! || a.name.localeCompare(b.name));
}
