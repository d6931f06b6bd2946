import type { ParsedFile } from '../src/parse/index.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'empty-migration',
  category: 'history',
  severity: 'warning',
  description: 'A migration file that does nothing: empty, only comments, or only BEGIN and COMMIT.',
  docs: {
    why: 'An empty migration is recorded as applied and does nothing. It is usually a placeholder that was never filled in, or a file whose content was lost in a merge; either way the folder no longer says what the database looks like.',
    fix: 'Delete the file if nothing depends on its version, or write the statements it was meant to hold.',
    bad: '-- 020_add_sales_modes.sql\n-- TODO',
    good: '-- 020_add_sales_modes.sql\nALTER TABLE sales ADD COLUMN mode text NOT NULL DEFAULT \'online\';',
  },
  check({ files }) {
    return files
      .filter((parsed) => parsed.file.replayed && parsed.file.source !== null && parsed.problems.length === 0)
      // A file that only runs psql commands (`\i other.sql`) does something.
      .filter((parsed) => parsed.metaCommands.length === 0)
      .flatMap((parsed) => {
        const message = emptiness(parsed);
        return message === null ? [] : [{ message, file: parsed.file.path, line: 1, column: 1 }];
      });
  },
});

/** Why a file does nothing, or null when it does something. */
function emptiness(parsed: ParsedFile): string | null {
  if (parsed.statements.length === 0) {
    return parsed.file.source!.trim() === '' ? 'This migration is empty.' : 'This migration has no SQL statements, only comments.';
  }
  if (parsed.statements.every((statement) => statement.kind === 'TransactionStmt')) {
    return 'This migration only opens and closes a transaction; it has no other statements.';
  }
  return null;
}
