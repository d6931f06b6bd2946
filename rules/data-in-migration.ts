import { displayName } from '../src/names.js';
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
  check({ history }) {
    return history
      .filter((event) => event.action === 'data')
      .map((event) => ({
        ...at(event.origin),
        message: `${(event.innerKind ?? event.statementKind).replace(/Stmt$/, '').toUpperCase()} on "${displayName(event.name)}": data in a schema migration.`,
      }));
  },
});
