import { nodeOf, positionAt, relationKey, replayedStatements, type Located } from '../src/ast.js';
import { displayName, listOf } from '../src/names.js';
import { defineRule, type Report } from '../src/rule.js';

const TRUE_WORDS = new Set(['true', 'on', '1', 'yes']);

/** Views whose `security_invoker` a later ALTER VIEW ... SET / RESET decided, and where. */
function invokerViewsByAlter(files: Parameters<typeof replayedStatements>[0]): Map<string, { invoker: boolean; place: Located }> {
  const settings = new Map<string, { invoker: boolean; place: Located }>();
  for (const place of replayedStatements(files)) {
    const alter = nodeOf(place.statement, 'AlterTableStmt');
    if (!alter?.relation || alter.objtype !== 'OBJECT_VIEW') continue;
    for (const item of alter.cmds ?? []) {
      if (!('AlterTableCmd' in item)) continue;
      const command = item.AlterTableCmd;
      const options = command.def && 'List' in command.def ? (command.def.List.items ?? []) : [];
      for (const option of options) {
        if (!('DefElem' in option) || option.DefElem.defname !== 'security_invoker') continue;
        const arg = option.DefElem.arg;
        const value = !arg ? 'true' : 'String' in arg ? (arg.String.sval ?? '') : 'Integer' in arg ? String(arg.Integer.ival ?? 0) : 'Boolean' in arg ? String(arg.Boolean.boolval) : '';
        settings.set(relationKey(alter.relation), { invoker: command.subtype === 'AT_SetRelOptions' && TRUE_WORDS.has(value.toLowerCase()), place });
      }
    }
  }
  return settings;
}

export default defineRule({
  id: 'security-definer-view',
  category: 'security',
  severity: 'error',
  description: 'Supabase: a view in the public schema without security_invoker, so it reads its tables with the owner\'s rights and bypasses their row level security.',
  docs: {
    why: 'A view runs its query as the view\'s owner (the migration role) unless it is created WITH (security_invoker = true). Exposed through the Supabase API, it returns rows that the tables\' policies would hide from the caller.',
    fix: 'Create the view WITH (security_invoker = true) (PostgreSQL 15+), or move it out of the exposed schema, or revoke it from anon and authenticated.',
    bad: 'CREATE VIEW org_member_counts AS SELECT org_id, count(*) FROM memberships GROUP BY org_id;',
    good: 'CREATE VIEW org_member_counts WITH (security_invoker = true) AS SELECT org_id, count(*) FROM memberships GROUP BY org_id;',
  },
  check({ schema, facts, files, preset }) {
    if (preset !== 'supabase') return [];
    // CREATE [OR REPLACE] VIEW, not ALTER VIEW ... OWNER TO (after every view in a pg_dump) or other alterations.
    const lastDefinition = facts.lastDefinitions('view', (event) => event.action === 'create' || (event.innerKind ?? event.statementKind) === 'ViewStmt');
    const altered = invokerViewsByAlter(files);
    const reports: Report[] = [];
    for (const [key, view] of schema.views) {
      if (view.schema !== 'public' || view.materialized) continue;
      const invoker = view.options.some((option) => {
        const [name, value = 'true'] = option.split('=');
        return name === 'security_invoker' && TRUE_WORDS.has(value.toLowerCase());
      });
      const alteredLast = altered.get(key);
      if (alteredLast?.invoker ?? invoker) continue;
      const origin = lastDefinition.get(key)?.origin ?? view.created;
      const where = alteredLast ? positionAt(alteredLast.place) : { file: origin.path, line: origin.line, column: origin.column };
      const exposedTo = [...new Set(facts.grantsOn(key).filter((grant) => ['anon', 'authenticated'].includes(grant.grantee)).map((grant) => grant.grantee))];
      reports.push({
        ...where,
        message: `View "${displayName(key)}" runs with its owner's rights (no security_invoker) and bypasses the row level security of the tables it reads${exposedTo.length > 0 ? `; it is granted to ${listOf(exposedTo)}` : ''}.`,
        suggestion: 'CREATE VIEW ... WITH (security_invoker = true) AS ...',
      });
    }
    return reports;
  },
});
