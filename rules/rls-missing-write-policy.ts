import { rlsEnabledAt } from '../src/facts/history-queries.js';
import { displayName, listOf } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';

const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE']);

export default defineRule({
  id: 'rls-missing-write-policy',
  category: 'security',
  severity: 'warning',
  description: 'Row level security is on and the table has only SELECT policies: INSERT, UPDATE and DELETE are refused for every role that RLS applies to.',
  docs: {
    why: 'With only read policies, every write from the application\'s roles fails with "new row violates row-level security policy" or silently updates nothing. Usually the write policies were forgotten, or written in a file that never ran.',
    fix: 'Add INSERT, UPDATE and DELETE policies (or one FOR ALL policy) for the roles that write; if writes only ever come from the backend (service_role), suppress this finding for the table. A lookup table the migrations fill themselves (INSERT or COPY in the chain) and grant no one to write is taken as read-only by design and not reported.',
    bad: 'ALTER TABLE projects ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "members read" ON projects FOR SELECT USING (is_member(org_id));',
    good: 'ALTER TABLE projects ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "members read" ON projects FOR SELECT USING (is_member(org_id));\nCREATE POLICY "members write" ON projects FOR ALL USING (is_member(org_id)) WITH CHECK (is_member(org_id));',
  },
  check({ schema, facts, preset }) {
    const filledByMigrations = new Set(
      facts.events(null, 'data').filter((event) => ['InsertStmt', 'CopyStmt'].includes(event.innerKind ?? event.statementKind)).map((event) => event.tableId),
    );
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const key = `${table.schema}.${table.name}`;
      if (!table.rlsEnabled || table.policies.length === 0 || isPlatformRelation(preset, key)) continue;
      // In Supabase only the API's public schema takes writes from RLS-bound roles; other schemas are written by functions.
      if (preset === 'supabase' && table.schema !== 'public') continue;
      if (table.policies.some((policy) => policy.command !== 'SELECT')) continue;
      const enabled = rlsEnabledAt(table);
      // Write privileges granted to roles RLS applies to make the missing policies a visible bug, not a design.
      const writeGrants = facts.grantsOn(key).filter((grant) => WRITES.has(grant.privilege) && !grant.implicit && grant.origin);
      const granted = [...new Set(writeGrants.map((grant) => grant.grantee))];
      if (granted.length === 0 && filledByMigrations.has(table.id)) continue;
      reports.push({
        file: enabled.path,
        line: enabled.line,
        column: enabled.column,
        message: `Table "${displayName(key)}" has row level security with only SELECT policies: INSERT, UPDATE and DELETE have no policy${granted.length > 0 ? `, yet ${listOf(granted)} ${granted.length === 1 ? 'is' : 'are'} granted write privileges` : ''}.`,
        related: [
          ...table.policies.map((policy) => ({ file: policy.created.path, line: policy.created.line, message: `SELECT policy "${policy.name}"` })),
          ...[...new Map(writeGrants.map((grant) => [`${grant.origin!.path}:${grant.origin!.line}`, grant.origin!])).values()].map((origin) => ({
            file: origin.path,
            line: origin.line,
            message: 'write privileges granted here',
          })),
        ],
      });
    }
    return reports;
  },
});
