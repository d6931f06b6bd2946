/**
 * REVOKEs on types and domains, which the model cannot hold: it does not keep the USAGE that
 * PostgreSQL gives PUBLIC on every new type. The baseline repeats them as written, after the
 * grants, unless a later GRANT gives the same types to the same roles again, or a type they
 * name no longer exists. Privileges on tables, sequences, functions and schemas are in the
 * model, PostgreSQL's and the platform's defaults included (privileges.ts).
 */
import type { GrantStmt } from 'libpg-query';
import type { ParsedFile, Statement } from '../parse/index.js';
import type { SchemaModel } from '../replay/model.js';
import { nameParts } from '../replay/names.js';

interface GrantShape {
  statement: Statement;
  path: string;
  isGrant: boolean;
  types: string[];
  grantees: string[];
}

function shapeOf(statement: Statement, path: string): GrantShape | null {
  if (statement.kind !== 'GrantStmt') return null;
  const grant = (statement.node as { GrantStmt: GrantStmt }).GrantStmt;
  if (grant.targtype !== 'ACL_TARGET_OBJECT' || (grant.objtype !== 'OBJECT_TYPE' && grant.objtype !== 'OBJECT_DOMAIN')) return null;
  const grantees = (grant.grantees ?? []).map((node) => ('RoleSpec' in node ? (node.RoleSpec.rolename ?? node.RoleSpec.roletype ?? '') : ''));
  return { statement, path, isGrant: Boolean(grant.is_grant), types: (grant.objects ?? []).map((node) => nameParts(node).pop() ?? ''), grantees };
}

const overlaps = (a: string[], b: string[]) => a.some((item) => b.includes(item));

export function repeatedRevokes(schema: SchemaModel, files: ParsedFile[]): { path: string; statement: Statement }[] {
  const shapes = files.flatMap((parsed) => parsed.statements.map((statement) => shapeOf(statement, parsed.file.path))).filter((shape): shape is GrantShape => shape !== null);
  const names = new Set([...schema.types.values()].map((type) => type.name));
  return shapes
    .filter((shape, index) => {
      if (shape.isGrant || !shape.types.every((type) => names.has(type))) return false;
      return !shapes.slice(index + 1).some((later) => later.isGrant && overlaps(later.types, shape.types) && overlaps(later.grantees, shape.grantees));
    })
    .map(({ path, statement }) => ({ path, statement }));
}
