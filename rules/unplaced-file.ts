import { defineRule } from '../src/rule.js';

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
      message: `${file.name} is under the migrations folder, but the ${layout} layout never applies it; miglint did not replay it.`,
      file: file.path,
      line: 1,
      column: 1,
    }));
  },
});
