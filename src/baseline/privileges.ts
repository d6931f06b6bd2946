/**
 * Owners, grants and revokes, and default privileges, as the chain left them. The baseline
 * runs where the chain ran: what PostgreSQL and the platform grant by themselves (EXECUTE to
 * PUBLIC on a new function; on Supabase, ALL to anon, authenticated and service_role on a new
 * table in public) is in force there too. So each object's privileges are written as the
 * difference between what it gets when the baseline creates it and what the chain left it
 * with: a REVOKE for what the chain took away, a GRANT for what it added. Default privileges
 * are written last, as the difference from those in force at the start.
 */
import type { Preset } from '../presets.js';
import { ALL_PRIVILEGES, defaultGrants, initialPrivileges, privilegeFamily } from '../replay/handlers/grants.js';
import type { DefaultPrivilege, Grant, Origin, SchemaModel } from '../replay/model.js';
import { functionReference, ident, qualified, qualifiedKey } from './sql.js';

function roleText(role: string): string {
  return role === 'PUBLIC' || role === 'public' ? 'PUBLIC' : role === 'CURRENT_USER' ? 'CURRENT_USER' : ident(role);
}

function objectText(grant: Pick<Grant, 'objectType' | 'object'>): string {
  switch (grant.objectType) {
    case 'function':
      return `FUNCTION ${functionReference(grant.object)}`;
    case 'procedure':
      return `PROCEDURE ${functionReference(grant.object)}`;
    case 'schema':
      return `SCHEMA ${ident(grant.object)}`;
    case 'sequence':
      return `SEQUENCE ${qualifiedKey(grant.object)}`;
    case 'type':
      return `TYPE ${qualifiedKey(grant.object)}`;
    default:
      return `TABLE ${qualifiedKey(grant.object)}`;
  }
}

/** `ALL` when the list holds every privilege of the family, else the privileges in PostgreSQL's order. */
function privilegeList(privileges: Set<string>, family: string): string {
  const all = ALL_PRIVILEGES[family] ?? [];
  if (all.length > 0 && all.every((privilege) => privileges.has(privilege))) return 'ALL';
  const order = (privilege: string) => (all.includes(privilege) ? all.indexOf(privilege) : all.length);
  return [...privileges].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1)).join(', ');
}

/** One statement per set of roles given the same privileges: `GRANT ALL ON TABLE t TO anon, authenticated;`. */
function byRoles(perRole: Map<string, string>, statement: (privileges: string, roles: string) => string): string[] {
  const roles = new Map<string, string[]>();
  for (const [role, privileges] of perRole) roles.set(privileges, [...(roles.get(privileges) ?? []), role]);
  return [...roles].map(([privileges, names]) => statement(privileges, names.map(roleText).join(', ')));
}

const grantKey = (grant: Pick<Grant, 'object' | 'column' | 'grantee' | 'privilege'>) => [grant.object, grant.column ?? '', grant.grantee, grant.privilege].join('\u0000');

/** One object's privileges: what it holds when the baseline creates it (or finds it, like schema public), and at the end of the chain. */
export interface ObjectPrivileges {
  object: string;
  objectType: Grant['objectType'];
  initial: Grant[];
  /** What it holds once the carried GRANT/REVOKE ... ON ALL ... IN SCHEMA statements ran (schema-wide.ts); null when none reaches it. */
  carried: Grant[] | null;
  held: Grant[];
  /** Null for what exists before the first migration (schema public). */
  created: Origin | null;
}

export function privilegeObjects(schema: SchemaModel, preset: Preset): ObjectPrivileges[] {
  const { defaults, grants } = initialPrivileges(preset);
  const held = new Map<string, Grant[]>();
  for (const grant of schema.grants) held.set(grant.object, [...(held.get(grant.object) ?? []), grant]);
  const objects = new Map<string, ObjectPrivileges>();
  const add = (objectType: Grant['objectType'], object: string, initial: Grant[], created: Origin | null) =>
    objects.set(object, { object, objectType, initial, carried: null, held: held.get(object) ?? [], created });
  for (const grant of grants) {
    const item = schema.schemas.get(grant.object);
    if (item) add('schema', grant.object, grants.filter((other) => other.object === grant.object), item.created);
  }
  for (const [key, table] of schema.tables) add('table', key, defaultGrants(defaults, 'tables', table.schema, key, 'table'), table.created);
  for (const [key, view] of schema.views) add('view', key, defaultGrants(defaults, 'tables', view.schema, key, 'view'), view.created);
  for (const [key, sequence] of schema.sequences) add('sequence', key, defaultGrants(defaults, 'sequences', sequence.schema, key, 'sequence'), sequence.created);
  for (const [key, fn] of schema.functions) add(fn.kind, key, defaultGrants(defaults, 'functions', fn.schema, key, fn.kind), fn.created);
  for (const grant of schema.grants) {
    if (objects.has(grant.object)) continue;
    const created = schema.schemas.get(grant.object)?.created ?? schema.types.get(grant.object)?.created ?? null;
    add(grant.objectType === 'column' ? 'table' : grant.objectType, grant.object, [], created);
  }
  return [...objects.values()];
}

/**
 * The REVOKEs and GRANTs that take the object from what it gets at creation, and from the carried
 * ALL-IN-SCHEMA statements that run before this section, to what it held at the end of the chain. `reset` first revokes everything from every role concerned, for an
 * object that a statement the model cannot interpret may have changed in the baseline though
 * the object did not exist yet when that statement ran in the chain.
 */
export function privilegeStatements({ object, objectType, initial, carried, held }: ObjectPrivileges, reset: boolean): string[] {
  const family = privilegeFamily(objectType);
  const target = objectText({ objectType, object });
  const heldByKey = new Map(held.map((grant) => [grantKey(grant), grant]));
  // What the object holds when the grants section runs; a GRANT is still written for what only a carried statement gave.
  const before = reset ? [] : (carried ?? initial);
  const carriedByKey = new Map((carried ?? initial).map((grant) => [grantKey(grant), grant]));
  const initialByKey = new Map(
    (reset ? [] : initial).flatMap((grant) => {
      const after = carriedByKey.get(grantKey(grant));
      return after ? [[grantKey(grant), { ...grant, grantable: grant.grantable && after.grantable }] as const] : [];
    }),
  );
  const statements: string[] = [];
  if (reset) {
    const roles = [...new Set([...initial, ...(carried ?? []), ...held].map((grant) => grant.grantee))];
    if (roles.length > 0) statements.push(`REVOKE ALL ON ${target} FROM ${roles.map(roleText).join(', ')};`);
  }
  const revoked = new Map<string, Set<string>>();
  const optionRevoked = new Map<string, Set<string>>();
  for (const grant of before) {
    const kept = heldByKey.get(grantKey(grant));
    if (!kept) revoked.set(grant.grantee, (revoked.get(grant.grantee) ?? new Set()).add(grant.privilege));
    else if (grant.grantable && !kept.grantable) optionRevoked.set(grant.grantee, (optionRevoked.get(grant.grantee) ?? new Set()).add(grant.privilege));
  }
  const revokeText = new Map([...revoked].map(([role, privileges]) => [role, privilegeList(privileges, family)]));
  statements.push(...byRoles(revokeText, (privileges, roles) => `REVOKE ${privileges} ON ${target} FROM ${roles};`));
  const optionText = new Map([...optionRevoked].map(([role, privileges]) => [role, privilegeList(privileges, family)]));
  statements.push(...byRoles(optionText, (privileges, roles) => `REVOKE GRANT OPTION FOR ${privileges} ON ${target} FROM ${roles};`));

  for (const grantable of [false, true]) {
    const tableLevel = new Map<string, Set<string>>();
    const columnLevel = new Map<string, Map<string, string[]>>();
    for (const grant of held) {
      if (grant.grantable !== grantable) continue;
      const already = initialByKey.get(grantKey(grant));
      if (already && (already.grantable || !grantable)) continue;
      if (grant.column === null) tableLevel.set(grant.grantee, (tableLevel.get(grant.grantee) ?? new Set()).add(grant.privilege));
      else {
        const perPrivilege = columnLevel.get(grant.grantee) ?? new Map<string, string[]>();
        perPrivilege.set(grant.privilege, [...(perPrivilege.get(grant.privilege) ?? []), grant.column]);
        columnLevel.set(grant.grantee, perPrivilege);
      }
    }
    const option = grantable ? ' WITH GRANT OPTION' : '';
    const grantText = new Map([...tableLevel].map(([role, privileges]) => [role, privilegeList(privileges, family)]));
    statements.push(...byRoles(grantText, (privileges, roles) => `GRANT ${privileges} ON ${target} TO ${roles}${option};`));
    const columnText = new Map(
      [...columnLevel].map(([role, perPrivilege]) => [role, [...perPrivilege].map(([privilege, columns]) => `${privilege} (${columns.map(ident).join(', ')})`).join(', ')]),
    );
    statements.push(...byRoles(columnText, (privileges, roles) => `GRANT ${privileges} ON ${target} TO ${roles}${option};`));
  }
  return statements;
}

const DEFAULT_FAMILIES: Record<string, string> = { tables: 'table', sequences: 'sequence', functions: 'function', types: 'type', schemas: 'schema' };

const defaultKey = (entry: DefaultPrivilege) => [entry.role ?? '', entry.schema ?? '', entry.objectType, entry.grantee, entry.privilege].join('\u0000');

/** ALTER DEFAULT PRIVILEGES from those in force before the first migration to those the chain left. */
export function defaultPrivilegeStatements(schema: SchemaModel, preset: Preset): string[] {
  const initial = initialPrivileges(preset).defaults;
  const finalKeys = new Map(schema.defaultPrivileges.map((entry) => [defaultKey(entry), entry]));
  const initialKeys = new Map(initial.map((entry) => [defaultKey(entry), entry]));
  const statements: string[] = [];
  const write = (entries: DefaultPrivilege[], verb: 'GRANT' | 'REVOKE') => {
    const groups = new Map<string, { entry: DefaultPrivilege; privileges: Set<string> }>();
    for (const entry of entries) {
      const key = [entry.role ?? '', entry.schema ?? '', entry.objectType, entry.grantable].join('\u0000');
      const group = groups.get(key) ?? { entry, privileges: new Set<string>() };
      groups.set(key, group);
      group.privileges.add(`${entry.privilege}\u0000${entry.grantee}`);
    }
    for (const { entry, privileges } of groups.values()) {
      const perRole = new Map<string, Set<string>>();
      for (const item of privileges) {
        const [privilege, grantee] = item.split('\u0000') as [string, string];
        perRole.set(grantee, (perRole.get(grantee) ?? new Set()).add(privilege));
      }
      const role = entry.role ? ` FOR ROLE ${roleText(entry.role)}` : '';
      const inSchema = entry.schema ? ` IN SCHEMA ${ident(entry.schema)}` : '';
      const option = verb === 'GRANT' && entry.grantable ? ' WITH GRANT OPTION' : '';
      const family = DEFAULT_FAMILIES[entry.objectType] ?? entry.objectType;
      const text = new Map([...perRole].map(([grantee, set]) => [grantee, privilegeList(set, family)]));
      statements.push(
        ...byRoles(text, (list, roles) => `ALTER DEFAULT PRIVILEGES${role}${inSchema} ${verb} ${list} ON ${entry.objectType.toUpperCase()} ${verb === 'GRANT' ? 'TO' : 'FROM'} ${roles}${option};`),
      );
    }
  };
  write(initial.filter((entry) => !finalKeys.has(defaultKey(entry))), 'REVOKE');
  write(schema.defaultPrivileges.filter((entry) => initialKeys.get(defaultKey(entry))?.grantable !== entry.grantable || !initialKeys.has(defaultKey(entry))), 'GRANT');
  return statements;
}

export function ownerStatements(schema: SchemaModel): string[] {
  const statements: string[] = [];
  const owner = (kind: string, name: string, role: string | null) => {
    if (role) statements.push(`ALTER ${kind} ${name} OWNER TO ${roleText(role)};`);
  };
  // The public schema comes with the database; a chain may still give it an owner.
  for (const item of schema.schemas.values()) owner('SCHEMA', ident(item.name), item.owner);
  for (const type of schema.types.values()) owner(type.kind === 'domain' ? 'DOMAIN' : 'TYPE', qualified(type.schema, type.name), type.owner);
  for (const sequence of schema.sequences.values()) owner('SEQUENCE', qualified(sequence.schema, sequence.name), sequence.owner);
  for (const table of schema.tables.values()) owner('TABLE', qualified(table.schema, table.name), table.owner);
  for (const view of schema.views.values()) owner(view.materialized ? 'MATERIALIZED VIEW' : 'VIEW', qualified(view.schema, view.name), view.owner);
  for (const [key, fn] of schema.functions) owner(fn.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION', functionReference(key), fn.owner);
  return statements;
}
