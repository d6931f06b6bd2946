import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'empty-migration',
  category: 'history',
  severity: 'warning',
  description: 'A migration file with no SQL statement in it: empty, or only comments.',
  docs: {
    why: 'An empty migration is recorded as applied and does nothing. It is usually a placeholder that was never filled in, or a file whose content was lost in a merge; either way the folder no longer says what the database looks like.',
    fix: 'Delete the file if nothing depends on its version, or write the statements it was meant to hold.',
    bad: '-- 020_add_sales_modes.sql\n-- TODO',
    good: '-- 020_add_sales_modes.sql\nALTER TABLE sales ADD COLUMN mode text NOT NULL DEFAULT \'online\';',
  },
  check({ files }) {
    return files
      .filter((parsed) => parsed.file.replayed && parsed.file.source !== null)
      // A file that only runs psql commands (`\i other.sql`) does something.
      .filter((parsed) => parsed.statements.length === 0 && parsed.problems.length === 0 && parsed.metaCommands.length === 0)
      .map((parsed) => ({
        message:
          parsed.file.source!.trim() === ''
            ? 'This migration is empty.'
            : 'This migration has no SQL statements, only comments.',
        file: parsed.file.path,
        line: 1,
        column: 1,
      }));
  },
});
