import { displayName } from '../src/names.js';
import { defineRule, type Report } from '../src/rule.js';
import type { Origin, Table } from '../src/replay/model.js';

/** The statement that last turned row level security off: where a reviewer sees why the policies do nothing. */
function lastDisabled(table: Table): Origin | null {
  const change = [...table.changes].reverse().find((candidate) => 'rls' in candidate && candidate.rls === 'disabled');
  return change?.origin ?? null;
}

export default defineRule({
  id: 'policy-exists-rls-disabled',
  category: 'security',
  severity: 'error',
  description: 'A table has policies, but row level security is not enabled on it, so the policies do nothing.',
  docs: {
    why: 'Policies only apply once ALTER TABLE ... ENABLE ROW LEVEL SECURITY has run. Without it, the table is fully open while the migrations read as if it were protected.',
    fix: 'Enable row level security on the table (in the same migration as its policies).',
    bad: 'CREATE TABLE notes (id uuid PRIMARY KEY, owner uuid);\nCREATE POLICY "own notes" ON notes USING ((select auth.uid()) = owner);',
    good: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "own notes" ON notes USING ((select auth.uid()) = owner);',
  },
  check({ schema }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      if (table.rlsEnabled || table.policies.length === 0) continue;
      const disabled = lastDisabled(table);
      const first = table.policies[0]!;
      const place = disabled ?? first.created;
      const policies = disabled ? table.policies : table.policies.slice(1);
      reports.push({
        file: place.path,
        line: place.line,
        column: place.column,
        message: `Table "${displayName(`${table.schema}.${table.name}`)}" has ${table.policies.length} ${table.policies.length === 1 ? 'policy' : 'policies'} but row level security is ${disabled ? 'disabled here' : 'not enabled'}, so ${table.policies.length === 1 ? 'it does' : 'they do'} nothing.`,
        related: policies.map((policy) => ({ file: policy.created.path, line: policy.created.line, message: `policy "${policy.name}"` })),
        suggestion: `ALTER TABLE ${displayName(`${table.schema}.${table.name}`)} ENABLE ROW LEVEL SECURITY;`,
      });
    }
    return reports;
  },
});
