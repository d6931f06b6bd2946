/** CREATE SCHEMA, CREATE EXTENSION, publications, COMMENT ON and ALTER ... OWNER TO. */
import type {
  AlterOwnerStmt,
  AlterPublicationStmt,
  CommentStmt,
  CreateExtensionStmt,
  CreatePublicationStmt,
  CreateSchemaStmt,
  Node,
} from 'libpg-query';
import type { ReplayContext } from '../context.js';
import type { ObjectType } from '../history.js';
import { qualifiedName, type Change, type Grant, type Publication } from '../model.js';
import { findFunction, isBuiltinObject, nameParts, ON_BUILTIN_OBJECTS, roleName, schemaAndName } from '../names.js';
import { stringsOf } from '../sql-text.js';
import { madeAt } from '../reasons.js';

export function createSchema(statement: CreateSchemaStmt, ctx: ReplayContext): void {
  const name = statement.schemaname ?? (statement.authrole ? roleName(statement.authrole) : '');
  const existing = ctx.schema.schemas.get(name);
  if (existing) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'schema', name, reason: { code: 'exists', kind: 'schema', name, ...(existing.created ? { madeAt: madeAt(existing.created) } : {}) } });
    return;
  }
  ctx.schema.schemas.set(name, { name, owner: statement.authrole ? roleName(statement.authrole) : null, comment: null, created: ctx.origin, changes: [] });
  ctx.emit({ action: 'create', objectType: 'schema', name, message: `created schema "${name}"` });
  if (statement.schemaElts?.length && ctx.nested) {
    const path = ctx.schema.searchPath;
    ctx.schema.searchPath = [name, ...path];
    for (const element of statement.schemaElts) ctx.nested(element, ctx.statement.text, ctx);
    ctx.schema.searchPath = path;
  }
}

export function createExtension(statement: CreateExtensionStmt, ctx: ReplayContext): void {
  const name = statement.extname ?? '';
  const existing = ctx.schema.extensions.get(name);
  if (existing) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'extension', name, reason: { code: 'exists', kind: 'extension', name, madeAt: madeAt(existing.created) } });
    return;
  }
  let schema = ctx.schemaForCreate(undefined);
  let version: string | null = null;
  for (const node of statement.options ?? []) {
    if (!('DefElem' in node)) continue;
    const value = node.DefElem.arg ? stringsOf([node.DefElem.arg]).join('') : '';
    if (node.DefElem.defname === 'schema') schema = value;
    if (node.DefElem.defname === 'new_version') version = value;
  }
  ctx.schema.extensions.set(name, { name, schema, version, comment: null, created: ctx.origin, changes: [] });
  ctx.emit({ action: 'create', objectType: 'extension', name, message: `created extension "${name}" in schema "${schema}"` });
}

function publicationObjects(nodes: Node[] | undefined, ctx: ReplayContext): { tables: string[]; schemas: string[] } {
  const tables: string[] = [];
  const schemas: string[] = [];
  for (const node of nodes ?? []) {
    if (!('PublicationObjSpec' in node)) continue;
    const spec = node.PublicationObjSpec;
    if (spec.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA' && spec.name) schemas.push(spec.name);
    else if (spec.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA') schemas.push(ctx.schemaForCreate(undefined));
    else {
      const relation = spec.pubtable?.relation;
      const table = relation ? ctx.findTable(relation.schemaname, relation.relname ?? '') : null;
      if (table) tables.push(qualifiedName(table.schema, table.name));
      else if (relation) tables.push(ctx.keyForCreate(relation.schemaname, relation.relname ?? ''));
    }
  }
  return { tables, schemas };
}

function publishOption(options: Node[] | undefined): string | null | undefined {
  for (const node of options ?? []) {
    if ('DefElem' in node && node.DefElem.defname === 'publish') return node.DefElem.arg ? stringsOf([node.DefElem.arg]).join('') : null;
  }
  return undefined;
}

export function createPublication(statement: CreatePublicationStmt, ctx: ReplayContext): void {
  const name = statement.pubname ?? '';
  if (ctx.schema.publications.has(name)) {
    ctx.emit({ action: 'error', objectType: 'publication', name, reason: { code: 'exists', kind: 'publication', name } });
    return;
  }
  const { tables, schemas } = publicationObjects(statement.pubobjects, ctx);
  ctx.schema.publications.set(name, { name, allTables: Boolean(statement.for_all_tables), tables, schemas, publish: publishOption(statement.options) ?? null, created: ctx.origin, changes: [] });
  ctx.emit({ action: 'create', objectType: 'publication', name, message: `created publication "${name}"` });
}

export function alterPublication(statement: AlterPublicationStmt, ctx: ReplayContext): void {
  const name = statement.pubname ?? '';
  const publication: Publication | undefined = ctx.schema.publications.get(name);
  if (!publication) {
    ctx.emit({ action: 'error', objectType: 'publication', name, reason: { code: 'missing', kind: 'publication', name } });
    return;
  }
  const { tables, schemas } = publicationObjects(statement.pubobjects, ctx);
  const publish = publishOption(statement.options);
  if (publish !== undefined) publication.publish = publish;
  if (statement.action === 'AP_SetObjects' && statement.pubobjects?.length) {
    publication.tables = tables;
    publication.schemas = schemas;
  } else if (statement.action === 'AP_DropObjects') {
    const missing = tables.filter((table) => !publication.tables.includes(table));
    if (missing.length) {
      ctx.emit({ action: 'error', objectType: 'publication', name, reason: { code: 'not-member', name: missing[0]! } });
      return;
    }
    publication.tables = publication.tables.filter((table) => !tables.includes(table));
    publication.schemas = publication.schemas.filter((schema) => !schemas.includes(schema));
  } else if (statement.action === 'AP_AddObjects') {
    const duplicate = tables.find((table) => publication.tables.includes(table));
    if (duplicate) {
      ctx.emit({ action: 'error', objectType: 'publication', name, reason: { code: 'already-member', name: duplicate, publication: name } });
      return;
    }
    publication.tables.push(...tables);
    publication.schemas.push(...schemas);
  }
  ctx.change(publication, 'altered');
  ctx.emit({ action: 'alter', objectType: 'publication', name, message: `altered publication "${name}"` });
}

const TABLE_MEMBERS = new Set(['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_POLICY', 'OBJECT_TRIGGER']);

/** Something that can carry a comment or an owner, found by the name COMMENT ON / ALTER OWNER use. */
interface Located {
  target: { comment?: string | null | undefined; owner?: string | null; changes?: Change[] };
  objectType: ObjectType;
  name: string;
  member?: string;
  tableId?: number;
}

function locate(objectType: string | undefined, object: Node | undefined, relation: { schemaname?: string; relname?: string } | undefined, ctx: ReplayContext): Located | null | 'unsupported' {
  const parts = relation ? [relation.schemaname, relation.relname ?? ''].filter((part): part is string => part !== undefined) : nameParts(object);
  const { schema, name } = schemaAndName(parts);
  const findIn = <T extends object>(map: Map<string, T>, type: ObjectType): Located | null => {
    const key = ctx.findKey(map, schema, name);
    return key ? { target: map.get(key)!, objectType: type, name: key } : null;
  };
  switch (objectType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const table = ctx.findTable(schema, name);
      if (table) return { target: table, objectType: 'table', name: qualifiedName(table.schema, table.name), tableId: table.id };
      return findIn(ctx.schema.views, 'view') ?? findIn(ctx.schema.sequences, 'sequence');
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      return findIn(ctx.schema.views, 'view');
    case 'OBJECT_SEQUENCE':
      return findIn(ctx.schema.sequences, 'sequence');
    case 'OBJECT_INDEX':
      return findIn(ctx.schema.indexes, 'index');
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return findIn(ctx.schema.types, 'type');
    case 'OBJECT_SCHEMA': {
      const found = ctx.schema.schemas.get(parts[0] ?? '');
      return found ? { target: found, objectType: 'schema', name: found.name } : null;
    }
    case 'OBJECT_EXTENSION': {
      const found = ctx.schema.extensions.get(parts[0] ?? '');
      return found ? { target: found, objectType: 'extension', name: found.name } : null;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const found = object && 'ObjectWithArgs' in object ? findFunction(ctx, object.ObjectWithArgs) : null;
      return found ? { target: found.fn, objectType: 'function', name: found.key } : null;
    }
    case 'OBJECT_COLUMN':
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_POLICY':
    case 'OBJECT_TRIGGER': {
      const host = memberHost(objectType, parts, ctx);
      const found = host?.members.find((candidate) => candidate.name === host.member);
      return host && found ? { target: found, objectType: host.type, name: qualifiedName(host.table.schema, host.table.name), member: host.member, tableId: host.table.id } : null;
    }
    default:
      return 'unsupported';
  }
}

/** The table a column, constraint, policy or trigger name points into, when the model holds it. */
function memberHost(objectType: string, parts: string[], ctx: ReplayContext) {
  const member = parts[parts.length - 1] ?? '';
  const tableParts = parts.slice(0, -1);
  const table = ctx.findTable(tableParts.length > 1 ? tableParts[tableParts.length - 2] : undefined, tableParts[tableParts.length - 1] ?? '');
  if (!table) return null;
  const members: { name: string; comment?: string | null }[] =
    objectType === 'OBJECT_COLUMN' ? table.columns : objectType === 'OBJECT_TABCONSTRAINT' ? table.constraints : objectType === 'OBJECT_POLICY' ? table.policies : table.triggers;
  const type: ObjectType = objectType === 'OBJECT_COLUMN' ? 'column' : objectType === 'OBJECT_TABCONSTRAINT' ? 'constraint' : objectType === 'OBJECT_POLICY' ? 'policy' : 'trigger';
  return { table, member, members, type };
}

function describeMissing(objectType: string | undefined, object: Node | undefined, ctx: ReplayContext): string {
  const parts = nameParts(object);
  if (objectType === 'OBJECT_SCHEMA' || objectType === 'OBJECT_EXTENSION') return parts[0] ?? '';
  return parts.length > 1 ? parts.join('.') : ctx.keyForCreate(undefined, parts[0] ?? '');
}

export function comment(statement: CommentStmt, ctx: ReplayContext): void {
  const found = locate(statement.objtype, statement.object, undefined, ctx);
  if (found === 'unsupported') return ctx.keepUninterpreted();
  const kind = (statement.objtype ?? '').replace('OBJECT_', '').toLowerCase();
  if (!found) {
    const missing = describeMissing(statement.objtype, statement.object, ctx);
    // A member missing from a table the migrations made is missing for certain, as in ALTER TABLE.
    const host = statement.objtype && TABLE_MEMBERS.has(statement.objtype) ? memberHost(statement.objtype, nameParts(statement.object), ctx) : null;
    const about = host
      ? { objectType: host.type, name: qualifiedName(host.table.schema, host.table.name), tableId: host.table.id, member: host.member }
      : { objectType: 'comment' as const, name: missing };
    ctx.emit({ action: 'error', ...about, reason: { code: 'missing', kind, name: missing } });
    return;
  }
  found.target.comment = statement.comment ?? null;
  ctx.emit({
    action: 'alter',
    objectType: 'comment',
    name: found.name,
    tableId: found.tableId ?? null,
    member: found.member ?? null,
    message: `${statement.comment === undefined ? 'removed the comment on' : 'commented on'} ${kind} "${found.member ? `${found.name}.${found.member}` : found.name}"`,
  });
}

export function alterOwner(statement: AlterOwnerStmt, ctx: ReplayContext): void {
  const found = locate(statement.objectType, statement.object, statement.relation, ctx);
  if (found === 'unsupported') return ctx.keepUninterpreted();
  const owner = roleName(statement.newowner);
  if (!found) {
    const missing = statement.relation ? ctx.keyForCreate(statement.relation.schemaname, statement.relation.relname ?? '') : describeMissing(statement.objectType, statement.object, ctx);
    // A new owner of a pg_catalog function takes its privileges: the baseline carries the statement.
    if (isBuiltinObject(missing)) return ctx.keepUninterpreted(ON_BUILTIN_OBJECTS);
    ctx.emit({ action: 'error', objectType: 'other', name: missing, reason: { code: 'missing', kind: '', name: missing } });
    return;
  }
  setOwner(found, owner, ctx);
}

/** Grant object types an ALTER ... OWNER TO target's privileges are kept under. */
const GRANT_TYPES: Partial<Record<ObjectType, Grant['objectType'][]>> = {
  table: ['table', 'column'],
  view: ['view', 'materialized view', 'column'],
  sequence: ['sequence'],
  function: ['function', 'procedure'],
  schema: ['schema'],
  type: ['type'],
};

/**
 * PostgreSQL's aclnewowner: what the old owner was granted on the object (and on a table's
 * columns) becomes the new owner's, merged with what the new owner already holds. An object
 * with no owner recorded belongs to the role the migrations run as: `postgres` on Supabase and
 * in verify.
 */
function movePrivilegesToNewOwner(ctx: ReplayContext, found: Pick<Located, 'objectType' | 'name'>, from: string | null, to: string): void {
  const types = GRANT_TYPES[found.objectType];
  const oldOwner = from ?? 'postgres';
  if (!types || oldOwner === to) return;
  const onObject = (grant: Grant) => grant.object === found.name && types.includes(grant.objectType);
  const held = (grant: Grant) =>
    ctx.schema.grants.find((other) => other !== grant && onObject(other) && other.grantee === to && other.privilege === grant.privilege && other.column === grant.column);
  ctx.schema.grants = ctx.schema.grants.flatMap((grant) => {
    if (!onObject(grant) || grant.grantee !== oldOwner) return [grant];
    const existing = held(grant);
    if (!existing) return [{ ...grant, grantee: to }];
    existing.grantable ||= grant.grantable;
    return [];
  });
}

/** ALTER ... OWNER TO in the model: the new owner, and the old owner's privileges moved to it. */
export function changeOwner(ctx: ReplayContext, found: Pick<Located, 'objectType' | 'name'>, target: { owner?: string | null }, owner: string): void {
  const newOwner = owner === 'CURRENT_USER' ? null : owner;
  // PostgreSQL 15 and later give the public schema to pg_database_owner.
  const oldOwner = target.owner ?? (found.objectType === 'schema' && found.name === 'public' ? 'pg_database_owner' : null);
  movePrivilegesToNewOwner(ctx, found, oldOwner, newOwner ?? 'postgres');
  target.owner = newOwner;
}

export function setOwner(found: Located, owner: string, ctx: ReplayContext): void {
  if ('owner' in found.target) changeOwner(ctx, found, found.target, owner);
  found.target.changes?.push({ origin: ctx.origin, description: `owner set to ${owner}` });
  ctx.emit({ action: 'alter', objectType: found.objectType, name: found.name, tableId: found.tableId ?? null, message: `changed the owner of "${found.name}" to ${owner}` });
}

export { locate };
