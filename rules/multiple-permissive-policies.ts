import { displayName, listOf } from '../src/names.js';
import type { Policy } from '../src/replay/index.js';
import { defineRule, type Report } from '../src/rule.js';

const COMMANDS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

const appliesTo = (policy: Policy, role: string, command: string) =>
  (policy.roles.includes(role) || policy.roles.includes('public')) && (policy.command === command || policy.command === 'ALL');

export default defineRule({
  id: 'multiple-permissive-policies',
  category: 'performance',
  severity: 'warning',
  description: 'Two or more permissive policies on one table apply to the same role and command.',
  docs: {
    why: 'PostgreSQL evaluates every permissive policy that applies and ORs the results, so each extra policy adds its cost to every row of every query; the split also hides what the effective rule is.',
    fix: 'Merge the policies into one whose condition ORs theirs, or make one of them RESTRICTIVE if it was meant to narrow the other.',
    bad: 'CREATE POLICY "own invites" ON invitations FOR SELECT TO authenticated USING ((select auth.uid()) = invited_by);\nCREATE POLICY "org invites" ON invitations FOR SELECT TO authenticated USING (is_admin(org_id));',
    good: 'CREATE POLICY "visible invites" ON invitations FOR SELECT TO authenticated USING ((select auth.uid()) = invited_by OR is_admin(org_id));',
  },
  check({ schema }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const permissive = table.policies.filter((policy) => policy.permissive);
      const roles = [...new Set(permissive.flatMap((policy) => policy.roles))];
      // One finding per group of overlapping policies, listing every role and command they share.
      const groups = new Map<string, { policies: Policy[]; pairs: string[] }>();
      for (const role of roles) {
        for (const command of COMMANDS) {
          const applying = permissive.filter((policy) => appliesTo(policy, role, command));
          if (applying.length < 2) continue;
          const key = applying.map((policy) => policy.name).join('\u0000');
          const group = groups.get(key) ?? { policies: applying, pairs: [] };
          group.pairs.push(`${command} for ${role === 'public' ? 'PUBLIC (every role)' : role}`);
          groups.set(key, group);
        }
      }
      for (const { policies, pairs } of groups.values()) {
        const last = policies.reduce((a, b) => (b.created.fileOrder > a.created.fileOrder || (b.created.fileOrder === a.created.fileOrder && b.created.statementIndex > a.created.statementIndex) ? b : a));
        reports.push({
          file: last.created.path,
          line: last.created.line,
          column: last.created.column,
          message: `Policies ${listOf(policies.map((policy) => `"${policy.name}"`))} on "${displayName(`${table.schema}.${table.name}`)}" are all permissive for ${listOf(pairs, 4)}.`,
          related: policies.filter((policy) => policy !== last).map((policy) => ({ file: policy.created.path, line: policy.created.line, message: `policy "${policy.name}"` })),
        });
      }
    }
    return reports;
  },
});
