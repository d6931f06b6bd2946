import { displayName } from '../src/names.js';
import type { HistoryEvent } from '../src/replay/index.js';
import { at, defineRule } from '../src/rule.js';

export default defineRule({
  id: 'data-in-migration',
  category: 'history',
  severity: 'info',
  description: 'INSERT, UPDATE, DELETE, MERGE or COPY in a schema migration.',
  docs: {
    why: 'Schema migrations run once per database; data written there is seed or backfill data that differs between environments, cannot be re-run, and is lost when the folder is consolidated into a schema baseline.',
    fix: 'Keep seed data in a seed script (supabase/seed.sql) and backfills in a separate, clearly named data migration; or suppress this where the data is part of the schema (lookup rows).',
    bad: "CREATE TABLE ai_prompt_templates (name text PRIMARY KEY, body text);\nINSERT INTO ai_prompt_templates VALUES ('welcome', 'Hello');",
    good: "-- migration\nCREATE TABLE ai_prompt_templates (name text PRIMARY KEY, body text);\n-- supabase/seed.sql\nINSERT INTO ai_prompt_templates VALUES ('welcome', 'Hello');",
  },
  check({ facts }) {
    // One finding per file, statement kind and table: a seed file of 30 INSERTs into one table is one finding, at the first.
    const groups = new Map<string, { first: HistoryEvent; count: number }>();
    for (const event of facts.events(null, 'data')) {
      const key = `${event.origin.path}\0${event.innerKind ?? event.statementKind}\0${event.name}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { first: event, count: 1 });
    }
    return [...groups.values()].map(({ first, count }) => ({
      ...at(first.origin),
      message: `${(first.innerKind ?? first.statementKind).replace(/Stmt$/, '').toUpperCase()} on "${displayName(first.name)}"${count > 1 ? ` (${count} statements in this file)` : ''}: data in a schema migration.`,
    }));
  },
});
