import { isLiteralTrue, positionAt, relationKey } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { commandOf, rolesOf } from '../src/facts/policy-statements.js';
import { defineRule, type Report } from '../src/rule.js';

/** Roles that bypass row level security anyway: a `true` policy for them changes nothing. */
const BYPASSING_ROLES = new Set(['service_role', 'postgres', 'supabase_admin']);

export default defineRule({
  id: 'rls-policy-always-true',
  category: 'security',
  severity: 'error',
  description: 'An INSERT, UPDATE, DELETE or ALL policy whose USING or WITH CHECK is just `true`.',
  docs: {
    why: 'USING (true) on a write policy lets every role the policy names change or delete every row, and WITH CHECK (true) lets it write any row: row level security is on, but for writes it protects nothing. (A read policy with USING (true) is a deliberate public read and is not reported.)',
    fix: 'Write the condition that says whose rows these are, e.g. `USING ((select auth.uid()) = invited_by)`; or limit the policy to a role that should have full access.',
    bad: 'CREATE POLICY "anyone can update" ON invitations FOR UPDATE TO authenticated USING (true);',
    good: 'CREATE POLICY "inviter can update" ON invitations FOR UPDATE TO authenticated USING ((select auth.uid()) = invited_by);',
  },
  check({ facts, schema }) {
    const reports: Report[] = [];
    for (const { statement: policy, clause, expression } of facts.policyClauses) {
      const command = commandOf(schema, policy);
      if (command === null || command === 'SELECT' || !isLiteralTrue(expression)) continue;
      const roles = rolesOf(schema, policy);
      if (roles.length > 0 && roles.every((role) => BYPASSING_ROLES.has(role))) continue;
      const location = 'A_Const' in expression ? expression.A_Const.location : undefined;
      reports.push({
        ...positionAt(policy.place, location),
        message: `Policy "${policy.name}" on "${displayName(relationKey(policy.table))}" has ${clause} (true): it allows ${command} on every row.`,
      });
    }
    return reports;
  },
});
