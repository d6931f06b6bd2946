import { displayName } from '../src/names.js';
import { defineRule, type Report } from '../src/rule.js';
import type { Origin, Table } from '../src/replay/model.js';

/** The statement that last turned row level security off: where a reviewer sees why the table has none. */
function lastDisabled(table: Table): Origin | null {
  const change = [...table.changes].reverse().find((candidate) => 'rls' in candidate && candidate.rls === 'disabled');
  return change?.origin ?? null;
}

export default defineRule({
  id: 'rls-disabled-in-public',
  category: 'security',
  severity: 'error',
  description: 'Supabase: a table in the public schema without row level security, so the API serves it to anyone with the anon key.',
  docs: {
    why: 'Supabase exposes the public schema through its REST and GraphQL APIs with the anon and authenticated roles. Without row level security every row of the table can be read and, with the default grants, written by anyone who has the project\'s public anon key.',
    fix: 'ALTER TABLE ... ENABLE ROW LEVEL SECURITY and add the policies the application needs; move tables the API must never see into another schema.',
    bad: 'CREATE TABLE public.audit_events (id bigint PRIMARY KEY, action text);',
    good: 'CREATE TABLE public.audit_events (id bigint PRIMARY KEY, action text);\nALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;',
  },
  check({ schema, preset }) {
    if (preset !== 'supabase') return [];
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      // Foreign tables cannot have row level security; exposing them is a different problem.
      if (table.schema !== 'public' || table.rlsEnabled || table.foreign) continue;
      const disabled = lastDisabled(table);
      const place = disabled ?? table.created;
      reports.push({
        file: place.path,
        line: place.line,
        column: place.column,
        message: `Table "${displayName(`${table.schema}.${table.name}`)}" is in the public schema without row level security${disabled ? ' (disabled here)' : ''}: the Supabase API exposes every row.`,
        ...(disabled ? { related: [{ file: table.created.path, line: table.created.line, message: 'table created here' }] } : {}),
        suggestion: `ALTER TABLE ${displayName(`${table.schema}.${table.name}`)} ENABLE ROW LEVEL SECURITY;`,
      });
    }
    return reports;
  },
});
