/** ALTER ... SET SCHEMA: the object moves, and every reference to it moves along. */
import type { AlterObjectSchemaStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { functionKey, qualifiedName } from '../model.js';
import { describeFunction, findFunction, nameParts, schemaAndName } from '../names.js';
import { renameRelation, renameSequenceInDefaults } from './dependents.js';
import { renameGrantObject } from './grants.js';
import { moveFunction } from './function-moves.js';
import { moveTypeReferences } from './type-moves.js';
import { typesProvidedBy } from '../extension-types.js';

export function setSchema(statement: AlterObjectSchemaStmt, ctx: ReplayContext): void {
  const target = statement.newschema ?? '';
  const objectType = statement.objectType;
  if (!ctx.schema.schemas.has(target)) {
    ctx.emit({ action: 'error', objectType: 'schema', name: target, reason: { code: 'missing', kind: 'schema', name: target } });
    return;
  }
  const missing = (key: string) =>
    ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'other', name: key, reason: { code: 'missing', kind: '', name: key } });
  switch (objectType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const relation = statement.relation!;
      const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
      const key = table ? qualifiedName(table.schema, table.name) : ctx.findKey(ctx.schema.views, relation.schemaname, relation.relname ?? '');
      if (!key) return missing(ctx.keyForCreate(relation.schemaname, relation.relname ?? ''));
      const newKey = qualifiedName(target, relation.relname ?? '');
      if (ctx.relationExists(newKey)) {
        ctx.emit({ action: 'error', objectType: 'table', name: newKey, reason: { code: 'exists', kind: 'relation', name: newKey } });
        return;
      }
      renameRelation(ctx, key, newKey);
      for (const [indexKey, index] of [...ctx.schema.indexes]) {
        if (index.table !== newKey) continue;
        ctx.schema.indexes.delete(indexKey);
        index.schema = target;
        ctx.schema.indexes.set(qualifiedName(target, index.name), index);
      }
      for (const [sequenceKey, sequence] of [...ctx.schema.sequences]) {
        if (sequence.ownedBy?.table !== newKey) continue;
        ctx.schema.sequences.delete(sequenceKey);
        sequence.schema = target;
        ctx.schema.sequences.set(qualifiedName(target, sequence.name), sequence);
        renameSequenceInDefaults(ctx, sequenceKey, qualifiedName(target, sequence.name));
      }
      ctx.emit({ action: 'rename', objectType: table ? 'table' : 'view', name: newKey, tableId: table?.id ?? null, message: `moved "${key}" to schema "${target}"` });
      return;
    }
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const map = objectType === 'OBJECT_SEQUENCE' ? ctx.schema.sequences : ctx.schema.types;
      const parts = statement.relation ? [statement.relation.schemaname, statement.relation.relname ?? ''].filter((part): part is string => part !== undefined) : nameParts(statement.object);
      const { schema, name } = schemaAndName(parts);
      const key = ctx.findKey(map as Map<string, unknown>, schema, name);
      if (!key) return missing(ctx.keyForCreate(schema, name));
      const item = map.get(key)!;
      const newKey = qualifiedName(target, item.name);
      const isSequence = objectType === 'OBJECT_SEQUENCE';
      if (ctx.relationExists(newKey) || (!isSequence && ctx.schema.types.has(newKey))) {
        ctx.emit({ action: 'error', objectType: isSequence ? 'sequence' : 'type', name: newKey, reason: { code: 'exists', kind: isSequence ? 'relation' : 'type', name: newKey } });
        return;
      }
      const fromSchema = item.schema;
      map.delete(key);
      item.schema = target;
      (map as Map<string, typeof item>).set(newKey, item);
      renameGrantObject(ctx, key, newKey);
      if (objectType === 'OBJECT_SEQUENCE') renameSequenceInDefaults(ctx, key, newKey);
      else moveTypeReferences(ctx, { schema: fromSchema, name: item.name }, item);
      ctx.emit({ action: 'rename', objectType: objectType === 'OBJECT_SEQUENCE' ? 'sequence' : 'type', name: newKey, message: `moved "${key}" to schema "${target}"` });
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const object = statement.object && 'ObjectWithArgs' in statement.object ? statement.object.ObjectWithArgs : null;
      const found = object ? findFunction(ctx, object) : null;
      if (!object || !found) return missing(object ? describeFunction(ctx, object) : '');
      const newKey = functionKey(target, found.fn.name, found.fn.signatureTypes);
      moveFunction(ctx, found.key, newKey, target, found.fn.name);
      ctx.emit({ action: 'rename', objectType: 'function', name: newKey, message: `moved "${found.key}" to schema "${target}"` });
      return;
    }
    case 'OBJECT_EXTENSION': {
      const extension = ctx.schema.extensions.get(nameParts(statement.object)[0] ?? '');
      if (!extension) return missing(nameParts(statement.object)[0] ?? '');
      const from = extension.schema;
      extension.schema = target;
      for (const name of typesProvidedBy(extension.name)) moveTypeReferences(ctx, { schema: from, name }, { schema: target, name });
      ctx.change(extension, `moved to schema "${target}"`);
      ctx.emit({ action: 'alter', objectType: 'extension', name: extension.name, message: `moved extension "${extension.name}" to schema "${target}"` });
      return;
    }
    default:
      ctx.keepUninterpreted();
  }
}
