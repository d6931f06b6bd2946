/** CREATE [OR REPLACE] TRIGGER, CREATE POLICY and ALTER POLICY: kept on their table. */
import type { AlterPolicyStmt, CreatePolicyStmt, CreateTrigStmt, RangeVar } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import type { HistoryEvent } from '../history.js';
import { isPlatformRelation } from '../../presets.js';
import { functionKey, qualifiedName, type Policy, type Table, type Trigger, type View } from '../model.js';
import { roleNames, schemaAndName } from '../names.js';
import { madeAt } from '../reasons.js';
import { expressionText, quoteIdentifier, stringsOf } from '../sql-text.js';

const TRIGGER_BEFORE = 1 << 1;
const TRIGGER_INSTEAD = 1 << 6;
const EVENT_BITS: [number, string][] = [
  [1 << 2, 'INSERT'],
  [1 << 3, 'DELETE'],
  [1 << 4, 'UPDATE'],
  [1 << 5, 'TRUNCATE'],
];

/** The table a trigger or policy is on; emits an error and returns null when there is none. */
function tableFor(relation: RangeVar | undefined, objectType: 'trigger' | 'policy', member: string, ctx: ReplayContext): { table: Table; key: string } | null {
  const table = relation ? ctx.findTable(relation.schemaname, relation.relname ?? '') : null;
  if (table) return { table, key: qualifiedName(table.schema, table.name) };
  const missing = ctx.keyForCreate(relation?.schemaname, relation?.relname ?? '');
  if (relation && ctx.findKey(ctx.schema.views, relation.schemaname, relation.relname ?? '')) {
    ctx.emit({ action: 'error', objectType, name: missing, member, reason: { code: 'wrong-kind', text: `"${missing}" is a view, not a table` } });
    return null;
  }
  ctx.emit({ action: 'error', objectType, name: missing, member, reason: { code: 'missing', kind: 'relation', name: missing } });
  return null;
}

/** Where a trigger goes: a table, or a view (INSTEAD OF triggers). */
export function triggerHost(ctx: ReplayContext, schemaName: string | undefined, name: string): { host: Table | View; key: string; tableId: number | null } | null {
  const table = ctx.findTable(schemaName, name);
  if (table) return { host: table, key: qualifiedName(table.schema, table.name), tableId: table.id };
  const viewKey = ctx.findKey(ctx.schema.views, schemaName, name);
  return viewKey ? { host: ctx.schema.views.get(viewKey)!, key: viewKey, tableId: null } : null;
}

/**
 * On a platform's relation the model does not hold (auth.users): the chain's earlier CREATE
 * TRIGGER of this name there, when nothing since may have dropped it. A DROP TRIGGER on that
 * relation, or a CREATE the model assumed skipped (guarded), makes it unknown: null.
 */
function earlierTriggerOutside(ctx: ReplayContext, key: string, name: string): HistoryEvent | null {
  const events = ctx.historySoFar();
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.objectType !== 'trigger' || event.name !== key || event.knownRejection) continue;
    if ((event.innerKind ?? event.statementKind) !== 'CreateTrigStmt') return null;
    if (event.member === name) return event.action === 'error' ? event : null;
  }
  return null;
}

export function createTrigger(statement: CreateTrigStmt, ctx: ReplayContext): void {
  const name = statement.trigname ?? '';
  const found = triggerHost(ctx, statement.relation?.schemaname, statement.relation?.relname ?? '');
  if (!found) {
    const key = ctx.keyForCreate(statement.relation?.schemaname, statement.relation?.relname ?? '');
    const earlier = !statement.replace && isPlatformRelation('supabase', key) ? earlierTriggerOutside(ctx, key, name) : null;
    if (earlier) {
      ctx.emit({ action: 'error', objectType: 'trigger', name: key, member: name, knownRejection: true, reason: { code: 'exists', kind: 'trigger', name, parent: { word: 'for', kind: 'relation', name: key }, madeAt: madeAt(earlier.origin) } });
      return;
    }
    ctx.relationMissing(statement.relation, 'trigger', { member: name });
    return;
  }
  const { host: table, key } = found;
  const tableId = found.tableId;
  const existing = table.triggers.find((trigger) => trigger.name === name);
  if (existing && !statement.replace) {
    ctx.emit({ action: 'error', objectType: 'trigger', name: key, tableId, member: name, reason: { code: 'exists', kind: 'trigger', name, parent: { word: 'for', kind: 'relation', name: key }, madeAt: madeAt(existing.created) } });
    return;
  }
  const { schema: functionSchema, name: functionName } = schemaAndName(stringsOf(statement.funcname));
  const functionKeyFound = ctx.lookupSchemas(functionSchema).map((schema) => functionKey(schema, functionName, [])).find((candidate) => ctx.schema.functions.has(candidate));
  const fnKey = functionKeyFound ?? functionKey(ctx.schemaForCreate(functionSchema), functionName, []);
  if (!functionKeyFound && ctx.schema.schemas.has(fnKey.slice(0, fnKey.indexOf('.')))) {
    ctx.emit({ action: 'error', objectType: 'trigger', name: key, tableId, member: name, reason: { code: 'missing', kind: 'function', name: fnKey, unquoted: true } });
    return;
  }
  const timing = statement.timing ?? 0;
  const columns = stringsOf(statement.columns);
  const events = EVENT_BITS.filter(([bit]) => (statement.events ?? 0) & bit).map(([, event]) =>
    event === 'UPDATE' && columns.length ? `UPDATE OF ${columns.join(', ')}` : event,
  );
  const trigger: Trigger = {
    name,
    timing: timing & TRIGGER_INSTEAD ? 'INSTEAD OF' : timing & TRIGGER_BEFORE ? 'BEFORE' : 'AFTER',
    events,
    forEachRow: Boolean(statement.row),
    function: fnKey,
    arguments: stringsOf(statement.args),
    when: statement.whenClause ? expressionText(statement.whenClause) : null,
    constraint: Boolean(statement.isconstraint),
    sql: ctx.statement.text,
    created: existing?.created ?? ctx.origin,
    changes: existing?.changes ?? [],
    comment: existing?.comment ?? null,
  };
  const referencing = (statement.transitionRels ?? []).flatMap((node) =>
    'TriggerTransition' in node ? [`${node.TriggerTransition.isNew ? 'NEW' : 'OLD'} TABLE AS ${quoteIdentifier(node.TriggerTransition.name ?? '')}`] : [],
  );
  if (referencing.length > 0) trigger.referencing = referencing;
  table.triggers = existing ? table.triggers.map((candidate) => (candidate === existing ? trigger : candidate)) : [...table.triggers, trigger];
  if (existing) ctx.change(trigger, 'replaced the definition');
  ctx.change(table, `${existing ? 'replaced' : 'created'} trigger "${name}"`);
  ctx.emit({ action: existing ? 'alter' : 'create', objectType: 'trigger', name: key, tableId, member: name, message: `${existing ? 'replaced' : 'created'} trigger "${name}" on "${key}"` });
}

const COMMANDS: Record<string, Policy['command']> = { all: 'ALL', select: 'SELECT', insert: 'INSERT', update: 'UPDATE', delete: 'DELETE' };

function policyRoles(nodes: CreatePolicyStmt['roles']): string[] {
  const roles = roleNames(nodes).map((role) => (role === 'PUBLIC' ? 'public' : role));
  return roles.length ? roles : ['public'];
}

export function createPolicy(statement: CreatePolicyStmt, ctx: ReplayContext): void {
  const name = statement.policy_name ?? '';
  const target = tableFor(statement.table, 'policy', name, ctx);
  if (!target) return;
  const { table, key } = target;
  const existing = table.policies.find((policy) => policy.name === name);
  if (existing) {
    ctx.emit({ action: 'error', objectType: 'policy', name: key, tableId: table.id, member: name, reason: { code: 'exists', kind: 'policy', name, parent: { word: 'for', kind: 'table', name: key }, madeAt: madeAt(existing.created) } });
    return;
  }
  table.policies.push({
    name,
    permissive: Boolean(statement.permissive),
    command: COMMANDS[statement.cmd_name ?? 'all'] ?? 'ALL',
    roles: policyRoles(statement.roles),
    using: statement.qual ? expressionText(statement.qual) : null,
    withCheck: statement.with_check ? expressionText(statement.with_check) : null,
    created: ctx.origin,
    changes: [],
    comment: null,
  });
  ctx.change(table, `created policy "${name}"`);
  ctx.emit({ action: 'create', objectType: 'policy', name: key, tableId: table.id, member: name, message: `created policy "${name}" on "${key}"` });
}

export function alterPolicy(statement: AlterPolicyStmt, ctx: ReplayContext): void {
  const name = statement.policy_name ?? '';
  const target = tableFor(statement.table, 'policy', name, ctx);
  if (!target) return;
  const { table, key } = target;
  const policy = table.policies.find((candidate) => candidate.name === name);
  if (!policy) {
    ctx.emit({ action: 'error', objectType: 'policy', name: key, tableId: table.id, member: name, reason: { code: 'missing', kind: 'policy', name, parent: { word: 'for', kind: 'table', name: key } } });
    return;
  }
  if (statement.roles?.length) policy.roles = policyRoles(statement.roles);
  if (statement.qual) policy.using = expressionText(statement.qual);
  if (statement.with_check) policy.withCheck = expressionText(statement.with_check);
  ctx.change(policy, 'altered');
  ctx.emit({ action: 'alter', objectType: 'policy', name: key, tableId: table.id, member: name, message: `altered policy "${name}" on "${key}"` });
}
