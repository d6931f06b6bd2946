import type { DropStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName } from '../model.js';
import { stringsOf } from '../sql-text.js';
import { dropTable, referencingTables } from './dependents.js';

function objectName(node: Node): string[] {
  return 'List' in node ? stringsOf(node.List.items) : 'String' in node ? [node.String.sval ?? ''] : [];
}

/** DROP TABLE and DROP INDEX; other object kinds are kept uninterpreted. */
export function drop(statement: DropStmt, ctx: ReplayContext): void {
  if (statement.removeType === 'OBJECT_TABLE') return dropTables(statement, ctx);
  if (statement.removeType === 'OBJECT_INDEX') return dropIndexes(statement, ctx);
  ctx.keepUninterpreted();
}

function dropTables(statement: DropStmt, ctx: ReplayContext): void {
  const cascade = statement.behavior === 'DROP_CASCADE';
  for (const object of statement.objects ?? []) {
    const parts = objectName(object);
    const name = parts[parts.length - 1] ?? '';
    const schemaName = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const table = ctx.findTable(schemaName, name);
    if (!table) {
      const key = ctx.keyForCreate(schemaName, name);
      ctx.emit({
        action: statement.missing_ok ? 'noop' : 'error',
        objectType: 'table',
        name: key,
        message: `table "${key}" does not exist`,
      });
      continue;
    }
    const key = qualifiedName(table.schema, table.name);
    const dependents = referencingTables(ctx.schema, key);
    if (dependents.length > 0 && !cascade) {
      const names = dependents.map((dependent) => `"${qualifiedName(dependent.schema, dependent.name)}"`).join(', ');
      ctx.emit({
        action: 'error',
        objectType: 'table',
        name: key,
        tableId: table.id,
        message: `cannot drop table "${key}" because foreign keys in ${names} depend on it (use CASCADE)`,
      });
      continue;
    }
    dropTable(ctx.schema, key);
    ctx.emit({ action: 'drop', objectType: 'table', name: key, tableId: table.id, message: `dropped table "${key}"` });
  }
}

function dropIndexes(statement: DropStmt, ctx: ReplayContext): void {
  for (const object of statement.objects ?? []) {
    const parts = objectName(object);
    const name = parts[parts.length - 1] ?? '';
    const candidates = parts.length > 1 ? [parts[parts.length - 2]!] : ctx.schema.searchPath;
    const key = candidates.map((schema) => qualifiedName(schema, name)).find((k) => ctx.schema.indexes.has(k));
    if (!key) {
      const missing = ctx.keyForCreate(parts.length > 1 ? parts[parts.length - 2] : undefined, name);
      ctx.emit({
        action: statement.missing_ok ? 'noop' : 'error',
        objectType: 'index',
        name: missing,
        message: `index "${missing}" does not exist`,
      });
      continue;
    }
    const index = ctx.schema.indexes.get(key)!;
    if (index.constraint) {
      ctx.emit({
        action: 'error',
        objectType: 'index',
        name: key,
        message: `cannot drop index "${key}" because constraint "${index.constraint}" requires it`,
      });
      continue;
    }
    ctx.schema.indexes.delete(key);
    ctx.emit({
      action: 'drop',
      objectType: 'index',
      name: key,
      tableId: ctx.schema.tables.get(index.table)?.id ?? null,
      message: `dropped index "${key}"`,
    });
  }
}
