import type { FuncCall, Node } from 'libpg-query';
import { functionName, positionAt, relationKey, visitNodes } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { platformObjects } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';

/**
 * Functions whose value is the same for every row of a query, if PostgreSQL is told so: Supabase's
 * auth helpers (whatever preset is active: the names say what they are) and current_setting.
 */
const PER_STATEMENT_FUNCTIONS = new Set([...platformObjects('supabase').sessionFunctions, 'current_setting']);

/** Calls in the expression that are not already inside a `(select ...)`. */
function bareCalls(expression: Node | undefined): { name: string; location: number | undefined }[] {
  const wrapped = new Set<FuncCall>();
  visitNodes(expression, 'SubLink', (subLink) => visitNodes(subLink, 'FuncCall', (call) => void wrapped.add(call)));
  const calls: { name: string; location: number | undefined }[] = [];
  visitNodes(expression, 'FuncCall', (call) => {
    const name = functionName(call);
    if (!wrapped.has(call) && PER_STATEMENT_FUNCTIONS.has(name)) calls.push({ name, location: call.location });
  });
  return calls;
}

export default defineRule({
  id: 'auth-rls-initplan',
  category: 'performance',
  severity: 'warning',
  description: 'A policy calls auth.uid(), auth.jwt(), auth.role() or current_setting() directly instead of through (select ...).',
  docs: {
    why: 'A bare auth.uid() in a policy is evaluated again for every row the query touches; wrapped in (select auth.uid()) PostgreSQL computes it once per statement (an initPlan). On large tables the difference is orders of magnitude.',
    fix: 'Wrap the call: `(select auth.uid()) = user_id`.',
    bad: 'CREATE POLICY "own profile" ON profiles FOR SELECT USING (auth.uid() = id);',
    good: 'CREATE POLICY "own profile" ON profiles FOR SELECT USING ((select auth.uid()) = id);',
  },
  check({ facts }) {
    const reports: Report[] = [];
    for (const { statement: policy, expression } of facts.policyClauses) {
      for (const call of bareCalls(expression)) {
        reports.push({
          ...positionAt(policy.place, call.location),
          message: `Policy "${policy.name}" on "${displayName(relationKey(policy.table))}" calls ${call.name}() for every row; write (select ${call.name}(${call.name === 'current_setting' ? '...' : ''})) so it runs once per query.`,
        });
      }
    }
    return reports;
  },
});
