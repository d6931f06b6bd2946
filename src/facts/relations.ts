/**
 * Which relations each statement refers to, and where each relation comes into existence
 * along the replayed chain: the facts behind missing-reference and order-dependency.
 */
import type { Constraint, Node, RangeVar } from 'libpg-query';
import { compareOrigins, nodeOf, originOf, relationKey, replayedStatements, type Located } from '../ast.js';
import type { ParsedFile, Statement } from '../parse/index.js';
import type { HistoryEvent, Origin, SchemaModel } from '../replay/index.js';

export interface RelationReference {
  place: Located;
  relation: RangeVar;
  /** What refers to it, for messages: `REFERENCES`, `ALTER TABLE`, `CREATE POLICY ... ON`. */
  usage: string;
}

/** Relations a statement needs to exist: altered, indexed, given policies or triggers, referenced, granted. */
export function referencesOf(place: Located): RelationReference[] {
  const found: RelationReference[] = [];
  const add = (relation: RangeVar | undefined, usage: string) => {
    if (relation?.relname) found.push({ place, relation, usage });
  };
  const { statement } = place;
  const alter = nodeOf(statement, 'AlterTableStmt');
  if (alter && alter.objtype === 'OBJECT_TABLE' && !alter.missing_ok) add(alter.relation, 'ALTER TABLE');
  add(nodeOf(statement, 'IndexStmt')?.relation, 'CREATE INDEX ON');
  add(nodeOf(statement, 'CreatePolicyStmt')?.table, 'CREATE POLICY ON');
  add(nodeOf(statement, 'CreateTrigStmt')?.relation, 'CREATE TRIGGER ON');
  const grant = nodeOf(statement, 'GrantStmt');
  if (grant && grant.objtype === 'OBJECT_TABLE' && grant.targtype === 'ACL_TARGET_OBJECT') {
    for (const object of grant.objects ?? []) if ('RangeVar' in object) add(object.RangeVar, grant.is_grant ? 'GRANT ON' : 'REVOKE ON');
  }
  for (const constraint of constraintsDefinedBy(statement)) {
    if (constraint.contype === 'CONSTR_FOREIGN') add(constraint.pktable, 'REFERENCES');
  }
  return found;
}

/** The constraints a CREATE TABLE or ALTER TABLE defines: table constraints and those on its columns. */
function constraintsDefinedBy(statement: Statement): Constraint[] {
  const create = nodeOf(statement, 'CreateStmt');
  const elements = create
    ? (create.tableElts ?? [])
    : (nodeOf(statement, 'AlterTableStmt')?.cmds ?? []).flatMap((item) => ('AlterTableCmd' in item && item.AlterTableCmd.def ? [item.AlterTableCmd.def] : []));
  return elements.flatMap((element) => {
    if ('Constraint' in element) return [element.Constraint];
    if (!('ColumnDef' in element)) return [];
    return (element.ColumnDef.constraints ?? []).flatMap((node) => ('Constraint' in node ? [node.Constraint] : []));
  });
}

export interface RoleReference {
  place: Located;
  role: string;
  /** Where in the statement, as a byte offset, when the parser gave one. */
  location: number | undefined;
  usage: string;
}

/** Roles a statement needs to exist: grantees, policy roles, granted roles. */
export function roleReferencesOf(place: Located): RoleReference[] {
  const found: RoleReference[] = [];
  const add = (nodes: Node[] | undefined, usage: string) => {
    for (const node of nodes ?? []) {
      if (!('RoleSpec' in node) || node.RoleSpec.roletype !== 'ROLESPEC_CSTRING' || !node.RoleSpec.rolename) continue;
      found.push({ place, role: node.RoleSpec.rolename, location: node.RoleSpec.location, usage });
    }
  };
  const { statement } = place;
  const grant = nodeOf(statement, 'GrantStmt');
  if (grant) add(grant.grantees, grant.is_grant ? 'GRANT ... TO' : 'REVOKE ... FROM');
  add(nodeOf(statement, 'CreatePolicyStmt')?.roles, 'CREATE POLICY ... TO');
  add(nodeOf(statement, 'AlterPolicyStmt')?.roles, 'ALTER POLICY ... TO');
  const grantRole = nodeOf(statement, 'GrantRoleStmt');
  if (grantRole) {
    const granted = (grantRole.granted_roles ?? []).flatMap((node) =>
      'AccessPriv' in node && node.AccessPriv.priv_name ? [{ RoleSpec: { roletype: 'ROLESPEC_CSTRING' as const, rolename: node.AccessPriv.priv_name } }] : [],
    );
    add(granted, 'GRANT role');
    add(grantRole.grantee_roles, 'GRANT role ... TO');
  }
  return found;
}

/** Roles the folder creates (CREATE ROLE, USER or GROUP). */
export function createdRoles(files: ParsedFile[]): Set<string> {
  const roles = new Set<string>();
  for (const place of replayedStatements(files)) {
    const role = nodeOf(place.statement, 'CreateRoleStmt')?.role;
    if (role) roles.add(role);
  }
  return roles;
}

/** Relations (tables, views, materialized and foreign tables) each statement creates. */
function createdBy(place: Located): RangeVar[] {
  const { statement } = place;
  const view = nodeOf(statement, 'ViewStmt')?.view;
  const tableAs = nodeOf(statement, 'CreateTableAsStmt')?.into?.rel;
  const foreign = nodeOf(statement, 'CreateForeignTableStmt')?.base?.relation;
  return [view, tableAs, foreign].filter((relation): relation is RangeVar => relation !== undefined);
}

/** Where each relation first exists: from the history's table and view events and the statements that create relations. */
export class RelationTimeline {
  private readonly firstSeen = new Map<string, Origin>();
  /** The same, by bare name over every schema: what an unqualified name may resolve to. */
  private readonly firstSeenByName = new Map<string, Origin>();

  constructor(files: ParsedFile[], history: HistoryEvent[]) {
    for (const event of history) {
      if ((event.objectType === 'table' || event.objectType === 'view') && (event.action === 'create' || event.action === 'rename')) this.record(event.name, event.origin);
    }
    for (const place of replayedStatements(files)) {
      for (const relation of createdBy(place)) this.record(relationKey(relation), originOf(place));
    }
  }

  private record(key: string, origin: Origin): void {
    keepEarliest(this.firstSeen, key, origin);
    keepEarliest(this.firstSeenByName, key.slice(key.indexOf('.') + 1), origin);
  }

  /** Where the relation first exists; an unqualified name matches the relation in any schema. */
  creation(relation: RangeVar): Origin | null {
    if (relation.schemaname) return this.firstSeen.get(relationKey(relation)) ?? null;
    return this.firstSeenByName.get(relation.relname ?? '') ?? null;
  }
}

function keepEarliest(seen: Map<string, Origin>, key: string, origin: Origin): void {
  const known = seen.get(key);
  if (!known || compareOrigins(origin, known) < 0) seen.set(key, origin);
}

/**
 * True for `events_3` when `events` is a partitioned table: partitions are often created by a
 * function with dynamic SQL (`EXECUTE format(...)`), which no static reading can follow.
 */
export function isLikelyDynamicPartition(schema: SchemaModel, relation: RangeVar): boolean {
  const name = relation.relname ?? '';
  for (const table of schema.tables.values()) {
    if (table.partitionBy !== null && name.startsWith(`${table.name}_`)) return true;
  }
  return false;
}
