/**
 * Revokes the model cannot hold: of privileges it never saw granted: what a platform grants by itself (on
 * Supabase, default privileges give anon and authenticated every new table and function).
 * The model cannot know those grants, so the baseline repeats the REVOKE as written, after
 * the grants, unless a later GRANT gives the same objects to the same roles again, or an
 * object it names no longer exists.
 */
import type { GrantStmt, Node } from 'libpg-query';
import type { ParsedFile, Statement } from '../parse/index.js';
import type { SchemaModel } from '../replay/model.js';

interface GrantShape {
  statement: Statement;
  path: string;
  isGrant: boolean;
  objects: string[];
  grantees: string[];
}

function lastName(node: Node): string {
  if ('RangeVar' in node) return node.RangeVar.relname ?? '';
  if ('ObjectWithArgs' in node) {
    const names = node.ObjectWithArgs.objname ?? [];
    const last = names[names.length - 1];
    return last && 'String' in last ? (last.String.sval ?? '') : '';
  }
  if ('String' in node) return node.String.sval ?? '';
  return '';
}

function shapeOf(statement: Statement, path: string): GrantShape | null {
  if (statement.kind !== 'GrantStmt') return null;
  const grant = (statement.node as { GrantStmt: GrantStmt }).GrantStmt;
  if (grant.targtype !== 'ACL_TARGET_OBJECT') return null;
  const grantees = (grant.grantees ?? []).map((node) => ('RoleSpec' in node ? (node.RoleSpec.rolename ?? node.RoleSpec.roletype ?? '') : ''));
  return { statement, path, isGrant: Boolean(grant.is_grant), objects: (grant.objects ?? []).map(lastName), grantees };
}

function modelNames(schema: SchemaModel): Set<string> {
  return new Set([
    ...[...schema.tables.values()].map((table) => table.name),
    ...[...schema.views.values()].map((view) => view.name),
    ...[...schema.sequences.values()].map((sequence) => sequence.name),
    ...[...schema.functions.values()].map((fn) => fn.name),
    ...[...schema.schemas.values()].map((item) => item.name),
    ...[...schema.types.values()].map((type) => type.name),
  ]);
}

const overlaps = (a: string[], b: string[]) => a.some((item) => b.includes(item));

export function repeatedRevokes(schema: SchemaModel, files: ParsedFile[]): { path: string; statement: Statement }[] {
  const shapes = files.flatMap((parsed) => parsed.statements.map((statement) => shapeOf(statement, parsed.file.path))).filter((shape): shape is GrantShape => shape !== null);
  const names = modelNames(schema);
  return shapes
    .filter((shape, index) => {
      if (shape.isGrant || !shape.objects.every((object) => names.has(object))) return false;
      return !shapes.slice(index + 1).some((later) => later.isGrant && overlaps(later.objects, shape.objects) && overlaps(later.grantees, shape.grantees));
    })
    .map(({ path, statement }) => ({ path, statement }));
}

/**
 * ALTER DEFAULT PRIVILEGES ... REVOKE, as written and in chain order. They decide what objects
 * created afterwards get (no EXECUTE for PUBLIC, nothing for a platform's roles), so the
 * baseline runs them before it creates anything that they govern.
 */
export function defaultPrivilegeRevokes(files: ParsedFile[]): { path: string; statement: Statement }[] {
  return files.flatMap((parsed) =>
    parsed.statements
      .filter((statement) => {
        if (statement.kind !== 'AlterDefaultPrivilegesStmt') return false;
        const action = (statement.node as { AlterDefaultPrivilegesStmt: { action?: { is_grant?: boolean } } }).AlterDefaultPrivilegesStmt.action;
        return action !== undefined && !action.is_grant;
      })
      .map((statement) => ({ path: parsed.file.path, statement })),
  );
}
