import { defineRule } from '../src/rule.js';
import type { Layout } from '../src/discover/index.js';

/** null: the runner orders files by its own order file or folder names; a name needs no version. */
const EXPECTED: Record<Layout, string | null> = {
  supabase: '<timestamp>_<name>.sql; the Supabase CLI skips this file',
  timestamp: '<timestamp>_<name>.sql',
  numbered: '<number>_<name>.sql',
  dbmate: '<version>_<name>.sql; dbmate skips this file',
  goose: '<version>_<name>.sql; goose skips this file',
  'golang-migrate': '<version>_<name>.up.sql / .down.sql; golang-migrate skips this file',
  flyway: 'V<version>__<name>.sql or R__<name>.sql; Flyway skips this file',
  diesel: '<version>_<name>/up.sql; Diesel skips this file',
  prisma: null,
  drizzle: null,
  sqitch: null,
  'graphile-migrate': null,
  'node-pg-migrate': '<number>_<name>.sql; node-pg-migrate refuses a folder holding this file',
};

export default defineRule({
  id: 'unversioned-file',
  category: 'naming',
  severity: 'warning',
  description: 'A .sql file in the migrations folder whose name carries no version.',
  docs: {
    why: 'A runner only applies files whose names it can order. A file without a version is skipped by most runners, or applied at whatever position its name sorts to by others, so whether its tables exist depends on how the database was built. miglint replays it after every versioned file.',
    fix: 'Give the file the version of the point in the chain where it belongs, or move it out of the migrations folder if it is not a migration.',
    bad: 'add-document-relationships.sql',
    good: '029_add_document_relationships.sql',
  },
  check({ files, layout }) {
    if (EXPECTED[layout] === null) return [];
    return files
      .filter((parsed) => parsed.file.version === null && !parsed.file.repeatable)
      .map((parsed) => ({
        message: `"${parsed.file.name}" has no version; expected ${EXPECTED[layout]}.`,
        file: parsed.file.path,
        line: 1,
        column: 1,
      }));
  },
});
