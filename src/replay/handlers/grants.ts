/**
 * GRANT, REVOKE and ALTER DEFAULT PRIVILEGES: the privileges in force on each object, with
 * `ALL` spelled out the way PostgreSQL stores it. The migration role is taken to be the owner
 * of what it creates (its own privileges are not listed) and to be `postgres` for
 * `FOR ROLE postgres` default privileges, as on Supabase.
 */
import type { AlterDefaultPrivilegesStmt, GrantStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type DefaultPrivilege, type Grant, type SchemaModel } from '../model.js';
import { isPlatformRelation, platformObjects, type Preset } from '../../presets.js';
import { findFunction, nameParts, roleName, roleNames, schemaAndName, describeFunction, isBuiltinObject, ON_BUILTIN_OBJECTS } from '../names.js';
import { stringsOf } from '../sql-text.js';

type GrantObjectType = Grant['objectType'];

export const ALL_PRIVILEGES: Record<string, string[]> = {
  table: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  function: ['EXECUTE'],
  schema: ['USAGE', 'CREATE'],
  type: ['USAGE'],
};

export function privilegeFamily(objectType: GrantObjectType): string {
  if (objectType === 'view' || objectType === 'materialized view') return 'table';
  if (objectType === 'procedure') return 'function';
  return objectType;
}

/** The role that owns what the migrations create, as far as default privileges go. */
const MIGRATION_ROLES = new Set([null, 'postgres', 'CURRENT_USER']);

/**
 * What is in force before the first migration: PostgreSQL's own defaults (PUBLIC may EXECUTE
 * every new function and USE the public schema) and the platform's (on Supabase, anon,
 * authenticated and service_role get ALL on every new table, function and sequence in public).
 */
export function initialPrivileges(preset: Preset): { defaults: DefaultPrivilege[]; grants: Grant[] } {
  const { schemas, grantees } = platformObjects(preset).privileges;
  const entry = (schema: string | null, objectType: string, grantee: string, privilege: string): DefaultPrivilege => ({
    role: null,
    schema,
    objectType,
    grantee,
    privilege,
    grantable: false,
    origin: null,
  });
  const schemaUsage = (schema: string, grantee: string): Grant => ({
    objectType: 'schema',
    object: schema,
    column: null,
    grantee,
    privilege: 'USAGE',
    grantable: false,
    implicit: true,
    origin: null,
  });
  const defaults = [entry(null, 'functions', 'PUBLIC', 'EXECUTE')];
  for (const schema of schemas) {
    for (const [objectType, family] of [['tables', 'table'], ['functions', 'function'], ['sequences', 'sequence']] as const) {
      for (const grantee of grantees) for (const privilege of ALL_PRIVILEGES[family]!) defaults.push(entry(schema, objectType, grantee, privilege));
    }
  }
  const grants = [schemaUsage('public', 'PUBLIC'), ...schemas.flatMap((schema) => grantees.map((grantee) => schemaUsage(schema, grantee)))];
  return { defaults, grants };
}

/** Puts what is in force before the first migration into an empty model. */
export function seedPrivileges(schema: SchemaModel, preset: Preset): void {
  const { defaults, grants } = initialPrivileges(preset);
  schema.defaultPrivileges = defaults;
  schema.grants = grants;
}

/** The grants an object gets when it is created while `defaults` are in force. */
export function defaultGrants(defaults: DefaultPrivilege[], objectType: string, schema: string, object: string, grantType: GrantObjectType): Grant[] {
  return defaults
    .filter((entry) => entry.objectType === objectType && MIGRATION_ROLES.has(entry.role) && (entry.schema === null || entry.schema === schema))
    .map((entry) => ({
      objectType: grantType,
      object,
      column: null,
      grantee: entry.grantee,
      privilege: entry.privilege,
      grantable: entry.grantable,
      implicit: entry.origin === null,
      origin: entry.origin,
    }));
}

export interface Target {
  objectType: GrantObjectType;
  object: string;
}

export function grant(statement: GrantStmt, ctx: ReplayContext): void {
  if (statement.targtype === 'ACL_TARGET_DEFAULTS') return ctx.keepUninterpreted();
  const targets = resolveTargets(statement, ctx);
  if (targets === null) return ctx.keepUninterpreted();
  const grantees = roleNames(statement.grantees);
  const verb = statement.is_grant ? 'granted' : 'revoked';
  if (statement.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') platformSchemaGrant(statement, ctx);
  // Privileges on pg_catalog's functions grant (or take away) as much as any: the baseline carries the statement.
  if (targets.some((target) => 'missing' in target && isBuiltinObject(target.missing))) ctx.keepUninterpreted(ON_BUILTIN_OBJECTS);
  for (const target of targets) {
    if ('missing' in target && isBuiltinObject(target.missing)) continue;
    if ('missing' in target) {
      ctx.emit({ action: 'error', objectType: 'grant', name: target.missing, reason: { code: 'missing', kind: target.kind, name: target.missing } });
      continue;
    }
    for (const { privilege, columns } of privilegesOf(statement.privileges, target.objectType)) {
      for (const grantee of grantees) {
        if (grantee === 'CURRENT_USER') continue;
        for (const column of columns.length > 0 ? columns : [null]) {
          const objectType: GrantObjectType = column ? 'column' : target.objectType;
          if (statement.is_grant) {
            addGrant(ctx, { objectType, object: target.object, column, grantee, privilege, grantable: Boolean(statement.grant_option), implicit: false, origin: ctx.origin });
          } else {
            revokeGrant(ctx, target.object, column, grantee, privilege, Boolean(statement.grant_option));
          }
        }
      }
    }
    ctx.emit({ action: 'alter', objectType: 'grant', name: target.object, message: `${verb} privileges on ${target.objectType} "${target.object}" ${statement.is_grant ? 'to' : 'from'} ${grantees.join(', ')}` });
  }
}

/**
 * `GRANT ... ON ALL TABLES IN SCHEMA auth`, on a platform's schema: the model holds none of the
 * platform's objects there (auth.users, auth.uid()), so what the statement does to them is not in
 * the model; a no-op event on the schema lets the baseline carry it as written (only under the
 * preset that has the schema, see baseline/carried.ts). That holds even when the chain creates the
 * schema too: on the platform `CREATE SCHEMA IF NOT EXISTS realtime` does nothing, and the grant
 * reaches realtime.messages.
 */
function platformSchemaGrant(statement: GrantStmt, ctx: ReplayContext): void {
  for (const schema of new Set((statement.objects ?? []).map((node) => nameParts(node)[0] ?? ''))) {
    if (!isPlatformRelation('supabase', qualifiedName(schema, '*'))) continue;
    const what = DEFAULT_OBJECT_TYPES[statement.objtype ?? ''] ?? 'objects';
    ctx.emit({ action: 'noop', objectType: 'grant', name: schema, reason: { code: 'platform-objects', text: `${statement.is_grant ? 'GRANT' : 'REVOKE'} on all ${what} in schema "${schema}": the platform's objects there are not in the model` } });
  }
}

/**
 * The grants of each object, so that a GRANT does not scan every grant in the model (which made
 * replay quadratic in the folder's size). Tied to one `schema.grants` array: drops and revokes
 * filter into a new array, which gets a new index; renames drop the index.
 */
const grantsByObject = new WeakMap<Grant[], Map<string, Grant[]>>();

function grantsOn(grants: Grant[], object: string): Grant[] {
  let index = grantsByObject.get(grants);
  if (!index) {
    index = new Map();
    for (const grant of grants) {
      const bucket = index.get(grant.object);
      if (bucket) bucket.push(grant);
      else index.set(grant.object, [grant]);
    }
    grantsByObject.set(grants, index);
  }
  let bucket = index.get(object);
  if (!bucket) index.set(object, (bucket = []));
  return bucket;
}

export function addGrant(ctx: ReplayContext, entry: Grant): void {
  const onObject = grantsOn(ctx.schema.grants, entry.object);
  const same = onObject.find((existing) => existing.column === entry.column && existing.grantee === entry.grantee && existing.privilege === entry.privilege);
  if (same) {
    same.grantable ||= entry.grantable;
    // A GRANT of what a default already gave: from now on the migration's grant, not nobody's.
    if (same.implicit && !entry.implicit) Object.assign(same, { implicit: false, origin: entry.origin });
    return;
  }
  ctx.schema.grants.push(entry);
  onObject.push(entry);
}

function revokeGrant(ctx: ReplayContext, object: string, column: string | null, grantee: string, privilege: string, grantOptionOnly: boolean): void {
  for (const existing of ctx.schema.grants) {
    const matches = existing.object === object && existing.grantee === grantee && existing.privilege === privilege && (column === null || existing.column === column);
    if (matches && grantOptionOnly) existing.grantable = false;
  }
  if (grantOptionOnly) return;
  ctx.schema.grants = ctx.schema.grants.filter(
    (existing) => !(existing.object === object && existing.grantee === grantee && existing.privilege === privilege && (column === null || existing.column === column)),
  );
}

export function privilegesOf(nodes: Node[] | undefined, objectType: GrantObjectType): { privilege: string; columns: string[] }[] {
  const family = privilegeFamily(objectType);
  if (!nodes || nodes.length === 0) return (ALL_PRIVILEGES[family] ?? []).map((privilege) => ({ privilege, columns: [] }));
  return nodes.flatMap((node) => {
    if (!('AccessPriv' in node)) return [];
    const columns = stringsOf(node.AccessPriv.cols);
    const name = node.AccessPriv.priv_name?.toUpperCase();
    if (!name) return (ALL_PRIVILEGES[columns.length ? 'column' : family] ?? []).map((privilege) => ({ privilege, columns }));
    if (family === 'sequence' && !ALL_PRIVILEGES.sequence!.includes(name)) return [];
    return [{ privilege: name === 'TEMP' ? 'TEMPORARY' : name, columns }];
  });
}

type ResolvedTarget = Target | { missing: string; kind: string };

/** The objects of the model that `GRANT ... ON ALL TABLES IN SCHEMA s` reaches; null for object kinds the model does not keep. */
export function allInSchemaTargets(statement: GrantStmt, model: SchemaModel): Target[] | null {
  const schemas = new Set((statement.objects ?? []).map((node) => nameParts(node)[0] ?? ''));
  const inSchemas = <T extends { schema: string }>(map: Map<string, T>) => [...map.entries()].filter(([, value]) => schemas.has(value.schema));
  switch (statement.objtype) {
    case 'OBJECT_TABLE':
      return [
        ...inSchemas(model.tables).map(([object]) => ({ objectType: 'table' as const, object })),
        ...inSchemas(model.views).map(([object, view]) => ({ objectType: view.materialized ? ('materialized view' as const) : ('view' as const), object })),
      ];
    case 'OBJECT_SEQUENCE':
      return inSchemas(model.sequences).map(([object]) => ({ objectType: 'sequence' as const, object }));
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return inSchemas(model.functions)
        .filter(([, fn]) => statement.objtype === 'OBJECT_ROUTINE' || (statement.objtype === 'OBJECT_PROCEDURE') === (fn.kind === 'procedure'))
        .map(([object, fn]) => ({ objectType: fn.kind, object }));
    default:
      return null;
  }
}

/** The objects a GRANT names; null for object kinds the model does not keep (databases, languages). */
function resolveTargets(statement: GrantStmt, ctx: ReplayContext): ResolvedTarget[] | null {
  const objects = statement.objects ?? [];
  if (statement.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') return allInSchemaTargets(statement, ctx.schema);
  switch (statement.objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE':
      return objects.map((node) => relationTarget(node, ctx, statement.objtype === 'OBJECT_SEQUENCE'));
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return objects.map((node) => {
        if (!('ObjectWithArgs' in node)) return { missing: '', kind: 'function' };
        const found = findFunction(ctx, node.ObjectWithArgs);
        return found ? { objectType: found.fn.kind, object: found.key } : { missing: describeFunction(ctx, node.ObjectWithArgs), kind: 'function' };
      });
    case 'OBJECT_SCHEMA':
      return objects.map((node) => {
        const name = nameParts(node)[0] ?? '';
        return ctx.schema.schemas.has(name) ? { objectType: 'schema' as const, object: name } : { missing: name, kind: 'schema' };
      });
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return objects.map((node) => {
        const { schema, name } = schemaAndName(nameParts(node));
        const key = ctx.findKey(ctx.schema.types, schema, name);
        return key ? { objectType: 'type' as const, object: key } : { missing: ctx.keyForCreate(schema, name), kind: 'type' };
      });
    default:
      return null;
  }
}

function relationTarget(node: Node, ctx: ReplayContext, sequenceOnly: boolean): ResolvedTarget {
  const { schema, name } = schemaAndName(nameParts(node));
  const sequence = ctx.findKey(ctx.schema.sequences, schema, name);
  if (sequenceOnly) return sequence ? { objectType: 'sequence', object: sequence } : { missing: ctx.keyForCreate(schema, name), kind: 'sequence' };
  for (const schemaName of ctx.lookupSchemas(schema)) {
    const key = qualifiedName(schemaName, name);
    if (ctx.schema.tables.has(key)) return { objectType: 'table', object: key };
    const view = ctx.schema.views.get(key);
    if (view) return { objectType: view.materialized ? 'materialized view' : 'view', object: key };
    if (ctx.schema.sequences.has(key)) return { objectType: 'sequence', object: key };
  }
  return { missing: ctx.keyForCreate(schema, name), kind: 'relation' };
}

const DEFAULT_OBJECT_TYPES: Record<string, string> = {
  OBJECT_TABLE: 'tables',
  OBJECT_SEQUENCE: 'sequences',
  OBJECT_FUNCTION: 'functions',
  OBJECT_ROUTINE: 'functions',
  OBJECT_PROCEDURE: 'functions',
  OBJECT_TYPE: 'types',
  OBJECT_SCHEMA: 'schemas',
};

const FAMILY_OF_DEFAULTS: Record<string, GrantObjectType> = { tables: 'table', sequences: 'sequence', functions: 'function', types: 'type', schemas: 'schema' };

export function alterDefaultPrivileges(statement: AlterDefaultPrivilegesStmt, ctx: ReplayContext): void {
  const action = statement.action;
  const objectType = DEFAULT_OBJECT_TYPES[action?.objtype ?? ''];
  if (!action || !objectType) return ctx.keepUninterpreted();
  let schemas: (string | null)[] = [null];
  let roles: (string | null)[] = [null];
  for (const option of statement.options ?? []) {
    if (!('DefElem' in option)) continue;
    const list = option.DefElem.arg && 'List' in option.DefElem.arg ? (option.DefElem.arg.List.items ?? []) : [];
    if (option.DefElem.defname === 'schemas') schemas = stringsOf(list);
    if (option.DefElem.defname === 'roles') roles = list.map((node) => ('RoleSpec' in node ? roleName(node.RoleSpec) : '')).map((role) => (MIGRATION_ROLES.has(role) ? null : role));
  }
  const grantees = roleNames(action.grantees);
  const privileges = privilegesOf(action.privileges, FAMILY_OF_DEFAULTS[objectType]!).map((entry) => entry.privilege);
  for (const role of roles) {
    for (const schema of schemas) {
      for (const grantee of grantees) {
        for (const privilege of privileges) {
          const same = (entry: { role: string | null; schema: string | null; objectType: string; grantee: string; privilege: string }) =>
            entry.role === role && entry.schema === schema && entry.objectType === objectType && entry.grantee === grantee && entry.privilege === privilege;
          ctx.schema.defaultPrivileges = ctx.schema.defaultPrivileges.filter((entry) => !same(entry));
          if (action.is_grant) {
            ctx.schema.defaultPrivileges.push({ role, schema, objectType, grantee, privilege, grantable: Boolean(action.grant_option), origin: ctx.origin });
          }
        }
      }
    }
  }
  ctx.emit({
    action: 'alter',
    objectType: 'grant',
    name: schemas.filter(Boolean).join(', '),
    message: `${action.is_grant ? 'granted' : 'revoked'} default privileges on ${objectType} ${action.is_grant ? 'to' : 'from'} ${grantees.join(', ')}`,
  });
}

/** Grants a new object gets from ALTER DEFAULT PRIVILEGES made earlier by the migration role. */
export function applyDefaultPrivileges(ctx: ReplayContext, objectType: string, schema: string, object: string, grantType: GrantObjectType): void {
  for (const entry of defaultGrants(ctx.schema.defaultPrivileges, objectType, schema, object, grantType)) addGrant(ctx, entry);
}

/** Renames or moves carry grants along; drops take them away. */
export function renameGrantObject(ctx: ReplayContext, oldKey: string, newKey: string): void {
  for (const entry of ctx.schema.grants) if (entry.object === oldKey) entry.object = newKey;
  grantsByObject.delete(ctx.schema.grants);
}

export function dropGrants(ctx: ReplayContext, key: string, column?: string): void {
  ctx.schema.grants = ctx.schema.grants.filter((entry) => !(entry.object === key && (column === undefined || entry.column === column)));
}
