import { rlsEnabledAt } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';

export default defineRule({
  id: 'rls-enabled-no-policy',
  category: 'security',
  severity: 'info',
  description: 'Row level security is enabled on a table that has no policy, so no role but the owner can read or write it.',
  docs: {
    why: 'With RLS on and no policy, every query from a non-owner role sees no rows and every write fails. That is right for tables only the backend touches (service_role bypasses RLS), and a silent bug when the policies were forgotten or live in a file that never ran.',
    fix: 'Add the policies the application needs; if the table is meant to be backend-only, say so with a comment or suppress this finding.',
    bad: 'CREATE TABLE notes (id uuid PRIMARY KEY, owner uuid);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;',
    good: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "own notes" ON notes USING ((select auth.uid()) = owner);',
  },
  check({ schema, preset }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const key = `${table.schema}.${table.name}`;
      if (!table.rlsEnabled || table.policies.length > 0 || isPlatformRelation(preset, key)) continue;
      const enabled = rlsEnabledAt(table);
      reports.push({
        file: enabled.path,
        line: enabled.line,
        column: enabled.column,
        message: `Table "${displayName(key)}" has row level security enabled but no policy: only its owner (and roles that bypass RLS) can use it.`,
      });
    }
    return reports;
  },
});
