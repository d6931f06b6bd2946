import type { Layout } from '../src/discover/index.js';
import { defineRule } from '../src/rule.js';

/** What the runner applies, said where a file is not part of it. */
const APPLIES: Record<Layout, string> = {
  supabase: 'the Supabase CLI applies only <timestamp>_<name>.sql files directly in supabase/migrations',
  timestamp: 'only files directly in the folder are migrations',
  numbered: 'only files directly in the folder are migrations',
  dbmate: 'dbmate applies only files directly in its folder',
  goose: 'goose applies only files directly in its folder',
  'golang-migrate': 'golang-migrate applies only files directly in its folder',
  flyway: 'Flyway applies only V<version>__<name>.sql and R__<name>.sql files',
  diesel: 'Diesel applies only <version>_<name>/up.sql',
  prisma: 'Prisma applies only <folder>/migration.sql',
  drizzle: 'meta/_journal.json does not list it',
  sqitch: 'sqitch.plan does not list it',
  'graphile-migrate': 'graphile-migrate applies only committed/<number>.sql (and the afterReset files .gmrc names)',
  'node-pg-migrate': 'node-pg-migrate applies only files directly in its folder',
};

export default defineRule({
  id: 'unplaced-file',
  category: 'history',
  severity: 'warning',
  description: 'A .sql file under the migrations folder that the runner never applies (a stray file, an odd subfolder, a file its order file does not list).',
  docs: {
    why: 'The runner applies only the files its layout places: top-level files with a version, Prisma folders, the entries of a drizzle journal or sqitch plan. Anything else under the folder never reaches the database, yet reads as if it did: a seed, a fix someone meant to run, or a second migration set. miglint does not replay it either, so its tables are not in the model.',
    fix: 'Move the file out of the migrations folder, give it a name (or a journal or plan entry) the runner applies, or lint its folder on its own if it is another migration set.',
    bad: 'migrations/\n  001_init.sql\n  seeds/users.sql        (never applied)',
    good: 'migrations/\n  001_init.sql\nseeds/users.sql',
  },
  check({ unplaced, layout }) {
    return unplaced.map((file) => ({
      message: `${file.name} is never applied: ${APPLIES[layout]}. miglint did not replay it.`,
      file: file.path,
      line: 1,
      column: 1,
    }));
  },
});
