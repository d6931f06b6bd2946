/**
 * What the carried `GRANT ... ON ALL TABLES IN SCHEMA <platform schema>` statements do to the
 * chain's own objects in that schema. The baseline runs them once every object exists, so they
 * also reach the objects the chain created after them (or revoked from later): the grants
 * section starts from what each object holds after them, not from what it got at creation.
 */
import type { GrantStmt } from 'libpg-query';
import { allInSchemaTargets, privilegesOf } from '../replay/handlers/grants.js';
import { roleNames } from '../replay/names.js';
import type { Grant, SchemaModel } from '../replay/model.js';
import type { ObjectPrivileges } from './privileges.js';
import type { Carried, Sources } from './sources.js';

/** The roles that own what the baseline creates when the carried statements run: a GRANT to them changes nothing. */
const OWNERS = new Set(['postgres', 'CURRENT_USER']);

/** Each object with `carried`: its grants after the carried ALL-IN-SCHEMA statements ran in order on what it got at creation. */
export function withSchemaWideStatements(objects: ObjectPrivileges[], schema: SchemaModel, carried: Carried[], sources: Sources): ObjectPrivileges[] {
  const initial = new Map(objects.map((item) => [item.object, item.initial]));
  const after = new Map<string, Grant[]>();
  for (const { origin } of carried) {
    const statement = sources.statement(origin);
    if (statement?.kind !== 'GrantStmt') continue;
    const grant = (statement.node as { GrantStmt: GrantStmt }).GrantStmt;
    if (grant.targtype !== 'ACL_TARGET_ALL_IN_SCHEMA') continue;
    const grantees = roleNames(grant.grantees).filter((role) => !OWNERS.has(role));
    for (const target of allInSchemaTargets(grant, schema) ?? []) {
      const held = after.get(target.object) ?? (initial.get(target.object) ?? []).map((entry) => ({ ...entry }));
      for (const { privilege, columns } of privilegesOf(grant.privileges, target.objectType)) {
        if (columns.length > 0) continue;
        for (const grantee of grantees) {
          const index = held.findIndex((entry) => entry.column === null && entry.grantee === grantee && entry.privilege === privilege);
          if (grant.is_grant && index === -1) {
            held.push({ objectType: target.objectType, object: target.object, column: null, grantee, privilege, grantable: Boolean(grant.grant_option), implicit: false, origin });
          } else if (grant.is_grant) held[index] = { ...held[index]!, grantable: held[index]!.grantable || Boolean(grant.grant_option) };
          else if (index !== -1 && grant.grant_option) held[index] = { ...held[index]!, grantable: false };
          else if (index !== -1) held.splice(index, 1);
        }
      }
      after.set(target.object, held);
    }
  }
  return objects.map((item) => ({ ...item, carried: after.get(item.object) ?? null }));
}
