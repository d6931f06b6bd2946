/**
 * Roles are cluster-wide: migrations grant to roles and set owners they assume exist (created
 * by a platform, an ops script or an init file). Verify creates the roles the chain names but
 * never creates, before anything runs, so that GRANT, policies and OWNER TO are checked for
 * what they do rather than rejected for a role that is not there.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { ParsedFile } from '../parse/index.js';

/**
 * Role names in RoleSpec nodes (grantees, policy roles), and in the bare RoleSpec fields OWNER TO
 * uses (`newowner`), in order of appearance.
 */
function roleNames(value: unknown, found: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((item) => roleNames(item, found));
  const record = value as Record<string, unknown>;
  const spec = (record.RoleSpec ?? ('roletype' in record ? record : undefined)) as { roletype?: string; rolename?: string } | undefined;
  if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename) found.add(spec.rolename);
  Object.values(record).forEach((item) => roleNames(item, found));
}

function createdRoles(files: ParsedFile[]): Set<string> {
  const created = new Set<string>();
  for (const parsed of files) {
    for (const statement of parsed.statements) {
      const role = (statement.node as { CreateRoleStmt?: { role?: string } }).CreateRoleStmt?.role;
      if (role) created.add(role);
    }
  }
  return created;
}

/** Creates the roles the chain uses but does not create and the database lacks; returns them. */
export async function createAssumedRoles(db: PGlite, files: ParsedFile[]): Promise<string[]> {
  const used = new Set<string>();
  for (const parsed of files) for (const statement of parsed.statements) roleNames(statement.node, used);
  const created = createdRoles(files);
  const existing = new Set((await db.query<{ rolname: string }>('select rolname from pg_roles')).rows.map((row) => row.rolname));
  const assumed = [...used].filter((role) => !created.has(role) && !existing.has(role)).sort();
  for (const role of assumed) await db.exec(`create role "${role.replace(/"/g, '""')}" nologin`);
  return assumed;
}
