import { rlsEnabledAt } from '../src/history-queries.js';
import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';

export default defineRule({
  id: 'rls-missing-write-policy',
  category: 'security',
  severity: 'warning',
  description: 'Row level security is on and the table has only SELECT policies: INSERT, UPDATE and DELETE are refused for every role that RLS applies to.',
  docs: {
    why: 'With only read policies, every write from the application\'s roles fails with "new row violates row-level security policy" or silently updates nothing. Usually the write policies were forgotten, or written in a file that never ran.',
    fix: 'Add INSERT, UPDATE and DELETE policies (or one FOR ALL policy) for the roles that write; if writes only ever come from the backend (service_role), suppress this finding for the table.',
    bad: 'ALTER TABLE projects ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "members read" ON projects FOR SELECT USING (is_member(org_id));',
    good: 'ALTER TABLE projects ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "members read" ON projects FOR SELECT USING (is_member(org_id));\nCREATE POLICY "members write" ON projects FOR ALL USING (is_member(org_id)) WITH CHECK (is_member(org_id));',
  },
  check({ schema, preset }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const key = `${table.schema}.${table.name}`;
      if (!table.rlsEnabled || table.policies.length === 0 || isPlatformRelation(preset, key)) continue;
      // In Supabase only the API's public schema takes writes from RLS-bound roles; other schemas are written by functions.
      if (preset === 'supabase' && table.schema !== 'public') continue;
      if (table.policies.some((policy) => policy.command !== 'SELECT')) continue;
      const enabled = rlsEnabledAt(table);
      reports.push({
        file: enabled.path,
        line: enabled.line,
        column: enabled.column,
        message: `Table "${displayName(key)}" has row level security with only SELECT policies: INSERT, UPDATE and DELETE have no policy.`,
        related: table.policies.map((policy) => ({ file: policy.created.path, line: policy.created.line, message: `SELECT policy "${policy.name}"` })),
      });
    }
    return reports;
  },
});
