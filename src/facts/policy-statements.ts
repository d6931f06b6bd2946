/**
 * CREATE POLICY and ALTER POLICY statements with their expressions, for rules that point at a
 * node inside a policy (`auth.uid()`, `true`). Policies on platform tables (Supabase's
 * `storage.objects`) are not in the model, so rules find them here.
 */
import type { Node, RangeVar } from 'libpg-query';
import { nodeOf, relationKey, replayedStatements, roleNames, type Located } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';
import { isPlatformRelation, type Preset } from '../presets.js';
import type { Policy, SchemaModel } from '../replay/index.js';

export interface PolicyStatement {
  place: Located;
  name: string;
  table: RangeVar;
  /** ALL, SELECT, INSERT, UPDATE, DELETE; null for ALTER POLICY, which cannot change it. */
  command: string | null;
  /** The roles named in the statement; empty when it names none. */
  roles: string[];
  using: Node | undefined;
  withCheck: Node | undefined;
}

function policyStatements(files: ParsedFile[]): PolicyStatement[] {
  const found: PolicyStatement[] = [];
  for (const place of replayedStatements(files)) {
    const create = nodeOf(place.statement, 'CreatePolicyStmt');
    const alter = nodeOf(place.statement, 'AlterPolicyStmt');
    const policy = create ?? alter;
    if (!policy?.table) continue;
    found.push({
      place,
      name: policy.policy_name ?? '',
      table: policy.table,
      command: create ? (create.cmd_name ?? 'all').toUpperCase() : null,
      roles: roleNames(policy.roles),
      using: policy.qual,
      withCheck: policy.with_check,
    });
  }
  return found;
}

export interface PolicyClause {
  /** The statement that last set this clause. */
  statement: PolicyStatement;
  clause: 'USING' | 'WITH CHECK';
  expression: Node;
}

/**
 * The USING and WITH CHECK expressions in force at the end of the chain, each with the statement
 * that last set it: CREATE POLICY sets both, ALTER POLICY replaces the ones it names, and a
 * dropped policy has none.
 */
export function livePolicyClauses(files: ParsedFile[], schema: SchemaModel, preset: Preset): PolicyClause[] {
  const current = new Map<string, { using: PolicyStatement | null; withCheck: PolicyStatement | null; last: PolicyStatement }>();
  for (const statement of policyStatements(files)) {
    const key = `${relationKey(statement.table)}\u0000${statement.name}`;
    const known = current.get(key);
    if (statement.command !== null || !known) {
      current.set(key, { using: statement.using ? statement : null, withCheck: statement.withCheck ? statement : null, last: statement });
      continue;
    }
    if (statement.using) known.using = statement;
    if (statement.withCheck) known.withCheck = statement;
    known.last = statement;
  }
  const clauses: PolicyClause[] = [];
  for (const { using, withCheck, last } of current.values()) {
    if (!isLivePolicy(schema, preset, last)) continue;
    if (using?.using) clauses.push({ statement: using, clause: 'USING', expression: using.using });
    if (withCheck?.withCheck) clauses.push({ statement: withCheck, clause: 'WITH CHECK', expression: withCheck.withCheck });
  }
  return clauses.sort((a, b) => a.statement.place.file.file.order - b.statement.place.file.file.order || a.statement.place.statement.index - b.statement.place.statement.index);
}

/**
 * True while the policy is in force at the end of the chain: the model still has it, or it is
 * on a platform table the model does not hold.
 */
function isLivePolicy(schema: SchemaModel, preset: Preset, statement: PolicyStatement): boolean {
  const table = tableOf(schema, statement);
  if (table) return table.policies.some((policy) => policy.name === statement.name);
  return isPlatformRelation(preset, relationKey(statement.table));
}

/** The command of the policy a statement creates or alters, from the model for ALTER POLICY. */
export function commandOf(schema: SchemaModel, statement: PolicyStatement): string | null {
  return statement.command ?? tableOf(schema, statement)?.policies.find((policy: Policy) => policy.name === statement.name)?.command ?? null;
}

/** The roles the policy applies to after the statement: those it names, else the model's. */
export function rolesOf(schema: SchemaModel, statement: PolicyStatement): string[] {
  if (statement.roles.length > 0) return statement.roles;
  return tableOf(schema, statement)?.policies.find((policy: Policy) => policy.name === statement.name)?.roles ?? [];
}

function tableOf(schema: SchemaModel, statement: PolicyStatement) {
  // A keyed lookup first: a scan per policy made the policy rules quadratic in the folder's size.
  const named = schema.tables.get(relationKey(statement.table));
  if (named || statement.table.schemaname) return named;
  return [...schema.tables.values()].find((candidate) => candidate.name === statement.table.relname);
}
