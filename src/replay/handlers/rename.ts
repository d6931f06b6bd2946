import type { RenameStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { recordConstraintName } from '../constraint-names-used.js';
import { functionKey, qualifiedName, type Change } from '../model.js';
import { findFunction, describeFunction, nameParts, schemaAndName } from '../names.js';
import { renameGrantObject } from './grants.js';
import { renameColumn, renameRelation, renameSequenceInDefaults } from './dependents.js';
import { pinNotNullNames } from '../not-null.js';
import { triggerHost } from './triggers-policies.js';
import { moveFunction } from './function-moves.js';
import { moveTypeReferences } from './type-moves.js';

/** Renames of every modelled object kind, carrying every reference along. */
export function rename(statement: RenameStmt, ctx: ReplayContext): void {
  switch (statement.renameType) {
    case 'OBJECT_INDEX':
      return renameIndex(statement, ctx);
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_COLUMN':
    case 'OBJECT_TABCONSTRAINT':
      return renameTableOrMember(statement, ctx);
    case 'OBJECT_SEQUENCE':
      return renameKeyed(statement, ctx, ctx.schema.sequences, 'sequence');
    case 'OBJECT_STATISTIC_EXT':
      return renameKeyed(statement, ctx, ctx.schema.statistics, 'statistics');
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return renameKeyed(statement, ctx, ctx.schema.types, 'type');
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return renameFunction(statement, ctx);
    case 'OBJECT_SCHEMA':
      return renameSchema(statement, ctx);
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
      return renameTableMember(statement, ctx);
    default:
      return ctx.keepUninterpreted();
  }
}

function missingRelation(statement: RenameStmt, ctx: ReplayContext): void {
  const relation = statement.relation;
  const key = ctx.keyForCreate(relation?.schemaname, relation?.relname ?? '');
  ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'table', name: key, reason: { code: 'missing', kind: 'relation', name: key } });
}

function renameTableOrMember(statement: RenameStmt, ctx: ReplayContext): void {
  const kind = statement.renameType;
  const relation = statement.relation!;
  const newName = statement.newname ?? '';
  const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
  const viewKey = table ? null : ctx.findKey(ctx.schema.views, relation.schemaname, relation.relname ?? '');
  if (!table && viewKey && kind !== 'OBJECT_TABCONSTRAINT') {
    const view = ctx.schema.views.get(viewKey)!;
    if (kind === 'OBJECT_COLUMN') {
      const at = view.columnNames.indexOf(statement.subname ?? '');
      if (at >= 0) view.columnNames[at] = newName;
      ctx.change(view, `renamed column "${statement.subname}" to "${newName}"`);
      ctx.emit({ action: 'rename', objectType: 'view', name: viewKey, member: newName, message: `renamed column "${statement.subname}" of view "${viewKey}" to "${newName}"` });
      return;
    }
    const newKey = qualifiedName(view.schema, newName);
    if (ctx.relationExists(newKey)) {
      ctx.emit({ action: 'error', objectType: 'view', name: newKey, reason: { code: 'exists', kind: 'relation', name: newKey } });
      return;
    }
    renameRelation(ctx, viewKey, newKey);
    ctx.change(view, `renamed from "${viewKey}"`);
    ctx.emit({ action: 'rename', objectType: 'view', name: newKey, message: `renamed view "${viewKey}" to "${newKey}"` });
    return;
  }
  if (!table) {
    if (kind === 'OBJECT_TABLE' && ctx.findKey(ctx.schema.sequences, relation.schemaname, relation.relname ?? '')) {
      return renameKeyed(statement, ctx, ctx.schema.sequences, 'sequence');
    }
    return missingRelation(statement, ctx);
  }
  const key = qualifiedName(table.schema, table.name);
  const record = (objectType: 'table' | 'column' | 'constraint', member: string | null, message: string) => {
    table.changes.push({ origin: ctx.origin, description: message });
    ctx.emit({ action: 'rename', objectType, name: objectType === 'table' ? qualifiedName(table.schema, table.name) : key, tableId: table.id, member, message });
  };

  if (kind === 'OBJECT_TABLE' || kind === 'OBJECT_FOREIGN_TABLE' || kind === 'OBJECT_VIEW' || kind === 'OBJECT_MATVIEW') {
    const newKey = qualifiedName(table.schema, newName);
    if (ctx.relationExists(newKey)) {
      ctx.emit({ action: 'error', objectType: 'table', name: newKey, tableId: table.id, reason: { code: 'exists', kind: 'relation', name: newKey } });
      return;
    }
    pinNotNullNames(ctx.schema, table);
    renameRelation(ctx, key, newKey);
    return record('table', null, `renamed table "${key}" to "${newKey}"`);
  }

  const from = statement.subname ?? '';
  if (kind === 'OBJECT_COLUMN') {
    const column = table.columns.find((candidate) => candidate.name === from);
    if (!column || table.columns.some((candidate) => candidate.name === newName)) {
      ctx.emit({
        action: !column && statement.missing_ok ? 'noop' : 'error',
        objectType: 'column',
        name: key,
        tableId: table.id,
        member: from,
        reason: column
          ? { code: 'exists', kind: 'column', name: newName, parent: { word: 'of', kind: 'relation', name: key } }
          : { code: 'missing', kind: 'column', name: from, parent: { word: 'of', kind: 'relation', name: key } },
      });
      return;
    }
    pinNotNullNames(ctx.schema, table);
    renameColumn(ctx.schema, table, from, newName);
    column.changes.push({ origin: ctx.origin, description: `renamed from "${from}"` });
    return record('column', newName, `renamed column "${from}" to "${newName}"`);
  }

  const constraint = table.constraints.find((candidate) => candidate.name === from);
  if (!constraint) {
    ctx.emit({ action: 'error', objectType: 'constraint', name: key, tableId: table.id, member: from, reason: { code: 'missing', kind: 'constraint', name: from, parent: { word: 'of', kind: 'relation', name: key } } });
    return;
  }
  constraint.name = newName;
  recordConstraintName(ctx.schema, newName);
  for (const [indexKey, index] of [...ctx.schema.indexes]) {
    if (index.table === key && index.constraint === from) {
      index.constraint = newName;
      index.name = newName;
      ctx.schema.indexes.delete(indexKey);
      ctx.schema.indexes.set(qualifiedName(index.schema, newName), index);
    }
  }
  record('constraint', newName, `renamed constraint "${from}" to "${newName}"`);
}

function renameIndex(statement: RenameStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const key = ctx.findKey(ctx.schema.indexes, relation.schemaname, relation.relname ?? '');
  if (!key) {
    ctx.relationMissing(relation, 'index', { missingOk: statement.missing_ok });
    return;
  }
  const index = ctx.schema.indexes.get(key)!;
  const newKey = qualifiedName(index.schema, statement.newname ?? '');
  if (ctx.relationExists(newKey)) {
    ctx.emit({ action: 'error', objectType: 'index', name: newKey, reason: { code: 'exists', kind: 'relation', name: newKey } });
    return;
  }
  ctx.schema.indexes.delete(key);
  index.name = statement.newname ?? '';
  ctx.schema.indexes.set(newKey, index);
  const table = ctx.schema.tables.get(index.table);
  if (index.constraint && table) {
    const constraint = table.constraints.find((candidate) => candidate.name === index.constraint);
    if (constraint) {
      constraint.name = index.name;
      recordConstraintName(ctx.schema, index.name);
    }
    index.constraint = index.name;
  }
  ctx.emit({ action: 'rename', objectType: 'index', name: newKey, tableId: table?.id ?? null, message: `renamed index "${key}" to "${newKey}"` });
}

function renameKeyed<T extends { schema: string; name: string; changes: Change[] }>(
  statement: RenameStmt,
  ctx: ReplayContext,
  map: Map<string, T>,
  objectType: 'sequence' | 'type' | 'statistics',
): void {
  const parts = statement.relation ? [statement.relation.schemaname, statement.relation.relname ?? ''].filter((part): part is string => part !== undefined) : nameParts(statement.object);
  const { schema, name } = schemaAndName(parts);
  const key = ctx.findKey(map, schema, name);
  if (!key) {
    const missing = ctx.keyForCreate(schema, name);
    ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType, name: missing, reason: { code: 'missing', kind: objectType, name: missing } });
    return;
  }
  const item = map.get(key)!;
  const newKey = qualifiedName(item.schema, statement.newname ?? '');
  if (map.has(newKey) || (objectType === 'sequence' && ctx.relationExists(newKey))) {
    ctx.emit({ action: 'error', objectType, name: newKey, reason: { code: 'exists', kind: objectType, name: newKey } });
    return;
  }
  const oldName = item.name;
  map.delete(key);
  item.name = statement.newname ?? '';
  map.set(newKey, item);
  if (objectType === 'type') moveTypeReferences(ctx, { schema: item.schema, name: oldName }, item);
  if (objectType === 'sequence') renameSequenceInDefaults(ctx, key, newKey);
  renameGrantObject(ctx, key, newKey);
  item.changes.push({ origin: ctx.origin, description: `renamed from "${key}"` });
  ctx.emit({ action: 'rename', objectType, name: newKey, message: `renamed ${objectType} "${key}" to "${newKey}"` });
}

function renameFunction(statement: RenameStmt, ctx: ReplayContext): void {
  const object = statement.object && 'ObjectWithArgs' in statement.object ? statement.object.ObjectWithArgs : null;
  const found = object ? findFunction(ctx, object) : null;
  if (!object || !found) {
    const missing = object ? describeFunction(ctx, object) : '';
    ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'function', name: missing, reason: { code: 'missing', kind: 'function', name: missing } });
    return;
  }
  const newKey = functionKey(found.fn.schema, statement.newname ?? '', found.fn.signatureTypes);
  if (ctx.schema.functions.has(newKey)) {
    ctx.emit({ action: 'error', objectType: 'function', name: newKey, reason: { code: 'exists', kind: 'function', name: newKey } });
    return;
  }
  moveFunction(ctx, found.key, newKey, found.fn.schema, statement.newname ?? '');
  ctx.emit({ action: 'rename', objectType: 'function', name: newKey, message: `renamed ${found.fn.kind} "${found.key}" to "${newKey}"` });
}

function renameSchema(statement: RenameStmt, ctx: ReplayContext): void {
  const from = statement.subname ?? nameParts(statement.object)[0] ?? '';
  const to = statement.newname ?? '';
  const schema = ctx.schema.schemas.get(from);
  if (!schema || ctx.schema.schemas.has(to)) {
    ctx.emit({ action: 'error', objectType: 'schema', name: from, reason: schema ? { code: 'exists', kind: 'schema', name: to } : { code: 'missing', kind: 'schema', name: from } });
    return;
  }
  ctx.schema.schemas.delete(from);
  schema.name = to;
  ctx.schema.schemas.set(to, schema);
  for (const [key, table] of [...ctx.schema.tables]) if (table.schema === from) renameRelation(ctx, key, qualifiedName(to, table.name));
  for (const [key, view] of [...ctx.schema.views]) if (view.schema === from) renameRelation(ctx, key, qualifiedName(to, view.name));
  for (const map of [ctx.schema.sequences, ctx.schema.types, ctx.schema.indexes] as Map<string, { schema: string; name: string }>[]) {
    for (const [key, item] of [...map]) {
      if (item.schema !== from) continue;
      map.delete(key);
      item.schema = to;
      map.set(qualifiedName(to, item.name), item);
      if (map === ctx.schema.types) moveTypeReferences(ctx, { schema: from, name: item.name }, item);
      if (map === ctx.schema.sequences) renameSequenceInDefaults(ctx, key, qualifiedName(to, item.name));
    }
  }
  for (const [key, fn] of [...ctx.schema.functions]) if (fn.schema === from) moveFunction(ctx, key, functionKey(to, fn.name, fn.signatureTypes), to, fn.name);
  renameGrantObject(ctx, from, to);
  ctx.emit({ action: 'rename', objectType: 'schema', name: to, message: `renamed schema "${from}" to "${to}"` });
}

function renameTableMember(statement: RenameStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const isTrigger = statement.renameType === 'OBJECT_TRIGGER';
  const found = isTrigger ? triggerHost(ctx, relation.schemaname, relation.relname ?? '') : null;
  const table = found?.host ?? ctx.findTable(relation.schemaname, relation.relname ?? '');
  if (!table) return missingRelation(statement, ctx);
  const key = qualifiedName(table.schema, table.name);
  const tableId = 'id' in table ? table.id : null;
  const objectType = isTrigger ? 'trigger' : 'policy';
  const list: { name: string }[] = isTrigger ? table.triggers : 'policies' in table ? table.policies : [];
  const from = statement.subname ?? '';
  const to = statement.newname ?? '';
  const item = list.find((candidate) => candidate.name === from);
  if (!item || list.some((candidate) => candidate.name === to)) {
    ctx.emit({ action: 'error', objectType, name: key, tableId, member: from, reason: item
        ? { code: 'exists', kind: objectType, name: to, parent: { word: 'for', kind: 'relation', name: key } }
        : { code: 'missing', kind: objectType, name: from, parent: { word: 'for', kind: 'table', name: key } },
    });
    return;
  }
  item.name = to;
  ctx.change(table, `renamed ${objectType} "${from}" to "${to}"`);
  ctx.emit({ action: 'rename', objectType, name: key, tableId, member: to, message: `renamed ${objectType} "${from}" to "${to}" on "${key}"` });
}
