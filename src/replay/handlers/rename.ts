import type { RenameStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName } from '../model.js';
import { renameColumn, renameTable } from './dependents.js';

/** Renames of tables, columns, constraints and indexes, carrying every reference along. */
export function rename(statement: RenameStmt, ctx: ReplayContext): void {
  const kind = statement.renameType;
  if (kind === 'OBJECT_INDEX') return renameIndex(statement, ctx);
  if (kind !== 'OBJECT_TABLE' && kind !== 'OBJECT_COLUMN' && kind !== 'OBJECT_TABCONSTRAINT') {
    return ctx.keepUninterpreted();
  }
  if (kind === 'OBJECT_COLUMN' && statement.relationType !== 'OBJECT_TABLE') return ctx.keepUninterpreted();
  const relation = statement.relation!;
  const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
  const newName = statement.newname ?? '';
  if (!table) {
    const key = ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
    ctx.emit({
      action: statement.missing_ok ? 'noop' : 'error',
      objectType: 'table',
      name: key,
      message: `relation "${key}" does not exist`,
    });
    return;
  }
  const key = qualifiedName(table.schema, table.name);
  const record = (objectType: 'table' | 'column' | 'constraint', member: string | null, message: string) => {
    table.changes.push({ origin: ctx.origin, description: message });
    ctx.emit({ action: 'rename', objectType, name: objectType === 'table' ? qualifiedName(table.schema, table.name) : key, tableId: table.id, member, message });
  };

  if (kind === 'OBJECT_TABLE') {
    const newKey = qualifiedName(table.schema, newName);
    if (ctx.schema.tables.has(newKey)) {
      ctx.emit({ action: 'error', objectType: 'table', name: newKey, tableId: table.id, message: `relation "${newKey}" already exists` });
      return;
    }
    renameTable(ctx.schema, key, newKey);
    return record('table', null, `renamed table "${key}" to "${newKey}"`);
  }

  const from = statement.subname ?? '';
  if (kind === 'OBJECT_COLUMN') {
    const column = table.columns.find((candidate) => candidate.name === from);
    if (!column || table.columns.some((candidate) => candidate.name === newName)) {
      ctx.emit({
        action: 'error',
        objectType: 'column',
        name: key,
        tableId: table.id,
        member: from,
        message: column
          ? `column "${newName}" of relation "${key}" already exists`
          : `column "${from}" of relation "${key}" does not exist`,
      });
      return;
    }
    renameColumn(ctx.schema, table, from, newName);
    column.changes.push({ origin: ctx.origin, description: `renamed from "${from}"` });
    return record('column', newName, `renamed column "${from}" to "${newName}"`);
  }

  const constraint = table.constraints.find((candidate) => candidate.name === from);
  if (!constraint) {
    ctx.emit({ action: 'error', objectType: 'constraint', name: key, tableId: table.id, member: from, message: `constraint "${from}" of relation "${key}" does not exist` });
    return;
  }
  constraint.name = newName;
  for (const index of ctx.schema.indexes.values()) {
    if (index.table === key && index.constraint === from) index.constraint = newName;
  }
  record('constraint', newName, `renamed constraint "${from}" to "${newName}"`);
}

function renameIndex(statement: RenameStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const schemas = relation.schemaname ? [relation.schemaname] : ctx.schema.searchPath;
  const key = schemas.map((schema) => qualifiedName(schema, relation.relname ?? '')).find((k) => ctx.schema.indexes.has(k));
  if (!key) {
    const missing = ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
    ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'index', name: missing, message: `relation "${missing}" does not exist` });
    return;
  }
  const index = ctx.schema.indexes.get(key)!;
  const newKey = qualifiedName(index.schema, statement.newname ?? '');
  ctx.schema.indexes.delete(key);
  index.name = statement.newname ?? '';
  ctx.schema.indexes.set(newKey, index);
  ctx.emit({ action: 'rename', objectType: 'index', name: newKey, tableId: ctx.schema.tables.get(index.table)?.id ?? null, message: `renamed index "${key}" to "${newKey}"` });
}
