import { z } from 'zod';
import { defineRule, shortName } from '../src/rule.js';

/** Words that say a change happened without saying what changed. */
const GENERIC_WORDS = [
  'fix', 'fixes', 'fixed', 'hotfix', 'emergency', 'quick', 'urgent', 'update', 'updates', 'updated', 'change', 'changes',
  'temp', 'tmp', 'final', 'new', 'old', 'misc', 'stuff', 'wip', 'test', 'patch', 'more', 'another', 'again', 'missing',
  'column', 'columns', 'table', 'tables', 'schema', 'migration', 'db', 'database', 'sql', 'tweak', 'tweaks', 'the', 'and', 'v1', 'v2', 'v3',
];

/** Words of a migration's description: `emergency_fix-v2` -> emergency, fix, v2. */
function words(description: string): string[] {
  return description
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word));
}

export default defineRule({
  id: 'non-descriptive-name',
  category: 'naming',
  severity: 'warning',
  description: 'A migration named only with generic words (fix, update, temp, final, v2) that do not say what it changes.',
  docs: {
    why: 'The file list is the folder\'s table of contents. "fix_missing_columns" or "update" tells a reviewer nothing; finding which migration touched a table then means opening every file.',
    fix: 'Name the migration after what it changes: the table and the change (`add_updated_at_to_openphone_conversations`).',
    bad: '020_fix_missing_columns.sql\n20240301120000_fix.sql',
    good: '020_add_user_name_to_openphone_conversations.sql\n20240301120000_add_projects_slug.sql',
  },
  options: z
    .object({
      /** A name made only of these words (numbers aside) is reported. */
      words: z.array(z.string().min(1)).default(GENERIC_WORDS),
    })
    .strict(),
  check({ files, options }) {
    const generic = new Set(options.words.map((word) => word.toLowerCase()));
    return files
      .filter((parsed) => parsed.file.direction !== 'down' && !parsed.file.undo)
      .filter((parsed) => {
        const nameWords = words(parsed.file.description);
        return nameWords.length > 0 && nameWords.every((word) => generic.has(word));
      })
      .map((parsed) => ({
        file: parsed.file.path,
        line: 1,
        column: 1,
        message: `"${shortName(parsed.file.path)}" does not say what it changes ("${parsed.file.description}").`,
        suggestion: 'Name it after the table and the change, e.g. add_<column>_to_<table>.',
      }));
  },
});
