/**
 * Owners, grants and revokes, and default privileges, as the chain left them. A grant
 * PostgreSQL makes by itself (EXECUTE to PUBLIC on a new function) is not written; when the
 * chain revoked it, the REVOKE is.
 */
import type { DefaultPrivilege, Grant, SchemaModel } from '../replay/model.js';
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

export function grantStatements(schema: SchemaModel): string[] {
  const groups = new Map<string, { grant: Grant; privileges: string[] }>();
  for (const grant of schema.grants) {
    if (grant.implicit) continue;
    const key = [grant.objectType, grant.object, grant.column ?? '', grant.grantee, grant.grantable].join('\u0000');
    const group = groups.get(key) ?? { grant, privileges: [] };
    if (!group.privileges.includes(grant.privilege)) group.privileges.push(grant.privilege);
    groups.set(key, group);
  }
  const statements = [...groups.values()].map(({ grant, privileges }) => {
    const column = grant.column ? ` (${ident(grant.column)})` : '';
    const option = grant.grantable ? ' WITH GRANT OPTION' : '';
    return `GRANT ${privileges.map((privilege) => `${privilege}${column}`).join(', ')} ON ${objectText(grant)} TO ${roleText(grant.grantee)}${option};`;
  });
  for (const [key, fn] of schema.functions) {
    const kept = schema.grants.some((grant) => grant.object === key && grant.grantee === 'PUBLIC' && grant.privilege === 'EXECUTE');
    if (!kept) statements.push(`REVOKE EXECUTE ON ${objectText({ objectType: fn.kind, object: key })} FROM PUBLIC;`);
  }
  return statements;
}

export function defaultPrivilegeStatements(schema: SchemaModel): string[] {
  return schema.defaultPrivileges.map((entry: DefaultPrivilege) => {
    const role = entry.role ? ` FOR ROLE ${roleText(entry.role)}` : '';
    const inSchema = entry.schema ? ` IN SCHEMA ${ident(entry.schema)}` : '';
    const option = entry.grantable ? ' WITH GRANT OPTION' : '';
    return `ALTER DEFAULT PRIVILEGES${role}${inSchema} GRANT ${entry.privilege} ON ${entry.objectType.toUpperCase()} TO ${roleText(entry.grantee)}${option};`;
  });
}

export function ownerStatements(schema: SchemaModel): string[] {
  const statements: string[] = [];
  const owner = (kind: string, name: string, role: string | null) => {
    if (role) statements.push(`ALTER ${kind} ${name} OWNER TO ${roleText(role)};`);
  };
  for (const item of schema.schemas.values()) if (item.created !== null) owner('SCHEMA', ident(item.name), item.owner);
  for (const type of schema.types.values()) owner(type.kind === 'domain' ? 'DOMAIN' : 'TYPE', qualified(type.schema, type.name), type.owner);
  for (const sequence of schema.sequences.values()) owner('SEQUENCE', qualified(sequence.schema, sequence.name), sequence.owner);
  for (const table of schema.tables.values()) owner('TABLE', qualified(table.schema, table.name), table.owner);
  for (const view of schema.views.values()) owner(view.materialized ? 'MATERIALIZED VIEW' : 'VIEW', qualified(view.schema, view.name), view.owner);
  for (const [key, fn] of schema.functions) owner(fn.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION', functionReference(key), fn.owner);
  return statements;
}
