/**
 * DROP of every modelled object kind, with RESTRICT (the default: refuse when something
 * depends on it) and CASCADE (take the dependents along) as PostgreSQL does them.
 */
import type { DropStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import type { ObjectType } from '../history.js';
import { qualifiedName, type SchemaModel, type Table } from '../model.js';
import { describeFunction, findFunction, nameParts, schemaAndName } from '../names.js';
import { dropGrants } from './grants.js';
import { triggerHost } from './triggers-policies.js';
import { dependentsOf, describeDependents, dropFunction, dropRelation, dropType, removeDependents, type DropTarget } from './cascade.js';

export function drop(statement: DropStmt, ctx: ReplayContext): void {
  const cascade = statement.behavior === 'DROP_CASCADE';
  const listed = new Set((statement.objects ?? []).flatMap((object) => listedKey(statement, object, ctx) ?? []));
  for (const object of statement.objects ?? []) {
    const done = dropOne(statement, object, cascade, listed, ctx);
    if (done === 'unsupported') return ctx.keepUninterpreted();
  }
}

type Outcome = 'done' | 'unsupported';

/**
 * The key of an object the statement names, for the objects one DROP takes together: PostgreSQL
 * lets `DROP TABLE a, b` drop a table whose only dependents are in the same list.
 */
function listedKey(statement: DropStmt, object: Node, ctx: ReplayContext): string | null {
  const { schema, name } = schemaAndName(nameParts(object));
  switch (statement.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      return ctx.findKey(ctx.schema.tables, schema, name) ?? ctx.findKey(ctx.schema.views, schema, name);
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return ctx.findKey(ctx.schema.types, schema, name);
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return 'ObjectWithArgs' in object ? (findFunction(ctx, object.ObjectWithArgs)?.key ?? null) : null;
    default:
      return null;
  }
}

function dropOne(statement: DropStmt, object: Node, cascade: boolean, listed: Set<string>, ctx: ReplayContext): Outcome {
  const parts = nameParts(object);
  const { schema, name } = schemaAndName(parts);
  const missing = (objectType: ObjectType, kind: string, key: string): Outcome => {
    ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType, name: key, reason: { code: 'missing', kind, name: key } });
    return 'done';
  };
  const dropped = (objectType: ObjectType, key: string, message: string, tableId: number | null = null, member: string | null = null): Outcome => {
    ctx.emit({ action: 'drop', objectType, name: key, tableId, member, message });
    return 'done';
  };
  const refused = (objectType: ObjectType, key: string, message: string, tableId: number | null = null): Outcome => {
    ctx.emit({ action: 'error', objectType, name: key, tableId, reason: { code: 'has-dependents', text: `${message}; use DROP ... CASCADE` } });
    return 'done';
  };
  /** RESTRICT (the default): PostgreSQL refuses when anything depends on the object, and names what. */
  const blocked = (target: DropTarget, objectType: ObjectType, key: string, kind: string, tableId: number | null = null): boolean => {
    if (cascade) return false;
    const dependents = dependentsOf(ctx, target).filter((dependent) => !listed.has(dependent.owner));
    if (dependents.length === 0) return false;
    refused(objectType, key, `cannot drop ${kind} ${key} because other objects depend on it (${describeDependents(dependents)})`, tableId);
    return true;
  };

  switch (statement.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const table = ctx.findTable(schema, name);
      if (!table) return missing('table', 'table', ctx.keyForCreate(schema, name));
      const key = qualifiedName(table.schema, table.name);
      if (blocked({ kind: 'relation', key }, 'table', key, 'table', table.id)) return 'done';
      dropRelation(ctx, key);
      return dropped('table', key, `dropped table "${key}"`, table.id);
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const materialized = statement.removeType === 'OBJECT_MATVIEW';
      const kind = materialized ? 'materialized view' : 'view';
      const key = ctx.findKey(ctx.schema.views, schema, name);
      const view = key ? ctx.schema.views.get(key) : undefined;
      if (!key || !view || view.materialized !== materialized) return missing('view', kind, key ?? ctx.keyForCreate(schema, name));
      if (blocked({ kind: 'relation', key }, 'view', key, kind)) return 'done';
      dropRelation(ctx, key);
      return dropped('view', key, `dropped ${kind} "${key}"`);
    }
    case 'OBJECT_INDEX': {
      const key = ctx.findKey(ctx.schema.indexes, schema, name);
      if (!key) return missing('index', 'index', ctx.keyForCreate(schema, name));
      const index = ctx.schema.indexes.get(key)!;
      if (index.constraint) {
        ctx.emit({ action: 'error', objectType: 'index', name: key, reason: { code: 'has-dependents', text: `cannot drop index "${key}" because constraint "${index.constraint}" requires it` } });
        return 'done';
      }
      ctx.schema.indexes.delete(key);
      return dropped('index', key, `dropped index "${key}"`, ctx.schema.tables.get(index.table)?.id ?? null);
    }
    case 'OBJECT_STATISTIC_EXT': {
      const key = ctx.findKey(ctx.schema.statistics, schema, name);
      if (!key) return missing('statistics', 'statistics object', ctx.keyForCreate(schema, name));
      const table = ctx.schema.tables.get(ctx.schema.statistics.get(key)!.table);
      ctx.schema.statistics.delete(key);
      return dropped('statistics', key, `dropped statistics "${key}"`, table?.id ?? null);
    }
    case 'OBJECT_SEQUENCE': {
      const key = ctx.findKey(ctx.schema.sequences, schema, name);
      if (!key) return missing('sequence', 'sequence', ctx.keyForCreate(schema, name));
      const users = columnsUsingSequence(ctx.schema, key);
      if (users.length && !cascade) return refused('sequence', key, `cannot drop sequence ${key} because other objects depend on it (${users.map(({ table, column }) => `default value for column ${column} of table ${qualifiedName(table.schema, table.name)}`).join(', ')})`);
      for (const { table, column } of users) {
        const found = table.columns.find((candidate) => candidate.name === column);
        if (found) found.default = null;
      }
      ctx.schema.sequences.delete(key);
      dropGrants(ctx, key);
      return dropped('sequence', key, `dropped sequence "${key}"`);
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const typeParts = object && 'TypeName' in object ? nameParts(object) : parts;
      const { schema: typeSchema, name: typeName } = schemaAndName(typeParts);
      const key = ctx.findKey(ctx.schema.types, typeSchema, typeName);
      if (!key) return missing('type', 'type', ctx.keyForCreate(typeSchema, typeName));
      if (blocked({ kind: 'type', key }, 'type', key, 'type')) return 'done';
      dropType(ctx, key);
      return dropped('type', key, `dropped type "${key}"`);
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
    case 'OBJECT_AGGREGATE': {
      if (!('ObjectWithArgs' in object)) return 'unsupported';
      const found = findFunction(ctx, object.ObjectWithArgs);
      if (!found) return missing('function', 'function', describeFunction(ctx, object.ObjectWithArgs));
      if (blocked({ kind: 'function', key: found.key }, 'function', found.key, found.fn.kind)) return 'done';
      dropFunction(ctx, found.key);
      return dropped('function', found.key, `dropped ${found.fn.kind} "${found.key}"`);
    }
    case 'OBJECT_TRIGGER': {
      const member = parts[parts.length - 1] ?? '';
      const tableParts = parts.slice(0, -1);
      const { schema: hostSchema, name: hostName } = schemaAndName(tableParts);
      const found = triggerHost(ctx, hostSchema, hostName);
      if (!found) return missing('trigger', 'relation', ctx.keyForCreate(hostSchema, hostName));
      if (!found.host.triggers.some((candidate) => candidate.name === member)) {
        ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'trigger', name: found.key, tableId: found.tableId, member, reason: { code: 'missing', kind: 'trigger', name: member, parent: { word: 'for', kind: 'table', name: found.key } } });
        return 'done';
      }
      found.host.triggers = found.host.triggers.filter((candidate) => candidate.name !== member);
      ctx.change(found.host, `dropped trigger "${member}"`);
      return dropped('trigger', found.key, `dropped trigger "${member}" on "${found.key}"`, found.tableId, member);
    }
    case 'OBJECT_POLICY': {
      const member = parts[parts.length - 1] ?? '';
      const tableParts = parts.slice(0, -1);
      const { schema: tableSchema, name: tableName } = schemaAndName(tableParts);
      const table = ctx.findTable(tableSchema, tableName);
      if (!table) return missing('policy', 'relation', ctx.keyForCreate(tableSchema, tableName));
      const key = qualifiedName(table.schema, table.name);
      if (!table.policies.some((candidate) => candidate.name === member)) {
        ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'policy', name: key, tableId: table.id, member, reason: { code: 'missing', kind: 'policy', name: member, parent: { word: 'for', kind: 'table', name: key } } });
        return 'done';
      }
      table.policies = table.policies.filter((candidate) => candidate.name !== member);
      ctx.change(table, `dropped policy "${member}"`);
      return dropped('policy', key, `dropped policy "${member}" on "${key}"`, table.id, member);
    }
    case 'OBJECT_SCHEMA': {
      const schemaName = parts[0] ?? '';
      if (!ctx.schema.schemas.has(schemaName)) return missing('schema', 'schema', schemaName);
      const contents = objectsInSchema(ctx.schema, schemaName);
      if (contents && !cascade) return refused('schema', schemaName, `cannot drop schema ${schemaName} because other objects depend on it (it holds ${contents})`);
      dropSchemaContents(ctx, schemaName);
      ctx.schema.schemas.delete(schemaName);
      dropGrants(ctx, schemaName);
      return dropped('schema', schemaName, `dropped schema "${schemaName}"`);
    }
    case 'OBJECT_EXTENSION': {
      const extension = parts[0] ?? '';
      if (!ctx.schema.extensions.has(extension)) return missing('extension', 'extension', extension);
      if (blocked({ kind: 'extension', name: extension }, 'extension', extension, 'extension')) return 'done';
      removeDependents(ctx, { kind: 'extension', name: extension });
      ctx.schema.extensions.delete(extension);
      return dropped('extension', extension, `dropped extension "${extension}"`);
    }
    case 'OBJECT_PUBLICATION': {
      const publication = parts[0] ?? '';
      if (!ctx.schema.publications.delete(publication)) return missing('publication', 'publication', publication);
      return dropped('publication', publication, `dropped publication "${publication}"`);
    }
    default:
      return 'unsupported';
  }
}

function columnsUsingSequence(schema: SchemaModel, key: string): { table: Table; column: string }[] {
  const [sequenceSchema, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  const spelled = new Set([`'${name}'`, `'${key}'`, ...(sequenceSchema === 'public' ? [] : [])]);
  const users: { table: Table; column: string }[] = [];
  for (const table of schema.tables.values()) {
    for (const column of table.columns) {
      const match = column.default?.match(/nextval\('([^']+)'/);
      if (match && (spelled.has(`'${match[1]}'`) || `${table.schema}.${match[1]}` === key)) users.push({ table, column: column.name });
    }
  }
  return users;
}

function objectsInSchema(schema: SchemaModel, name: string): string | null {
  const counts: [string, number][] = [
    ['tables', [...schema.tables.values()].filter((item) => item.schema === name).length],
    ['views', [...schema.views.values()].filter((item) => item.schema === name).length],
    ['functions', [...schema.functions.values()].filter((item) => item.schema === name).length],
    ['types', [...schema.types.values()].filter((item) => item.schema === name).length],
    ['sequences', [...schema.sequences.values()].filter((item) => item.schema === name).length],
  ];
  const present = counts.filter(([, count]) => count > 0).map(([kind, count]) => `${count} ${kind}`);
  return present.length ? present.join(', ') : null;
}

/** Everything in the schema, with what depends on it elsewhere. */
function dropSchemaContents(ctx: ReplayContext, name: string): void {
  const schema = ctx.schema;
  const inSchema = (item: { schema: string }) => item.schema === name;
  for (const [key, table] of [...schema.tables]) if (inSchema(table)) dropRelation(ctx, key);
  for (const [key, view] of [...schema.views]) if (inSchema(view)) dropRelation(ctx, key);
  for (const [key, fn] of [...schema.functions]) if (inSchema(fn)) dropFunction(ctx, key);
  for (const [key, type] of [...schema.types]) if (inSchema(type)) dropType(ctx, key);
  for (const [key, item] of [...schema.sequences]) {
    if (!inSchema(item)) continue;
    for (const { table, column } of columnsUsingSequence(schema, key)) {
      const found = table.columns.find((candidate) => candidate.name === column);
      if (found) found.default = null;
    }
    schema.sequences.delete(key);
    dropGrants(ctx, key);
  }
  for (const [key, item] of [...schema.indexes]) if (inSchema(item)) schema.indexes.delete(key);
  for (const [key, item] of [...schema.statistics]) if (inSchema(item)) schema.statistics.delete(key);
}
