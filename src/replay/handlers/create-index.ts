import type { IndexStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName } from '../model.js';
import { expressionText } from '../sql-text.js';
import { chooseName } from './table-elements.js';

function keyText(node: Node): string {
  if (!('IndexElem' in node)) return '';
  const element = node.IndexElem;
  return element.name ?? (element.expr ? expressionText(element.expr) : '');
}

export function createIndex(statement: IndexStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
  const tableKey = table ? qualifiedName(table.schema, table.name) : ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (!table) {
    ctx.emit({ action: 'error', objectType: 'index', name: tableKey, message: `relation "${tableKey}" does not exist` });
    return;
  }
  const keys = (statement.indexParams ?? []).map(keyText);
  const name =
    statement.idxname ??
    chooseName(table.name, keys.map((key) => (/^[a-z_][a-z0-9_]*$/.test(key) ? key : 'expr')), 'idx', (candidate) =>
      ctx.schema.indexes.has(qualifiedName(table.schema, candidate)),
    );
  const key = qualifiedName(table.schema, name);
  const existing = ctx.schema.indexes.get(key);
  if (existing) {
    ctx.emit({
      action: statement.if_not_exists ? 'noop' : 'error',
      objectType: 'index',
      name: key,
      tableId: table.id,
      message: `relation "${key}" already exists (created at ${existing.created.path}:${existing.created.line})`,
    });
    return;
  }
  ctx.schema.indexes.set(key, {
    schema: table.schema,
    name,
    table: tableKey,
    unique: Boolean(statement.unique),
    method: statement.accessMethod ?? 'btree',
    keys,
    include: (statement.indexIncludingParams ?? []).map(keyText),
    where: statement.whereClause ? expressionText(statement.whereClause) : null,
    constraint: null,
    created: ctx.origin,
  });
  ctx.emit({ action: 'create', objectType: 'index', name: key, tableId: table.id, message: `created index "${key}" on "${tableKey}"` });
}
