import { defineRule, shortName, type Report } from '../src/rule.js';
import type { ParsedFile } from '../src/parse/index.js';
import { ORDERED_BY_RUNNER_FILES } from '../src/discover/index.js';

/**
 * Equal exactly when the runner's version comparison says equal (a missing part counts as 0):
 * a map of these finds collisions in one pass instead of comparing every pair of files.
 */
function versionKey(parts: string[]): string {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '0') end--;
  return parts.slice(0, end).join('\u0000');
}

export default defineRule({
  id: 'version-collision',
  category: 'history',
  severity: 'error',
  description: 'Two migration files have the same version, as the runner compares versions.',
  docs: {
    why: 'Runners record applied migrations by version. With two files on one version, one of them is refused (golang-migrate, Supabase, Flyway stop with a duplicate-version error) or silently skipped because the version looks applied already. Versions compare as numbers: `021_a.sql` and `21_b.sql` collide too.',
    fix: 'Give one of the files the next free version (renumber it, or regenerate its timestamp).',
    bad: '021_ai_prompt_templates.sql\n021_fix_tickets_table_column_names.sql',
    good: '021_ai_prompt_templates.sql\n022_fix_tickets_table_column_names.sql',
  },
  check({ files, layout }) {
    // Prisma, drizzle-kit, sqitch and graphile-migrate record a migration by its whole name: equal versions both apply.
    if (ORDERED_BY_RUNNER_FILES.has(layout)) return [];
    const reports: Report[] = [];
    const seen = new Map<string, ParsedFile>();
    for (const parsed of files) {
      const file = parsed.file;
      // A down or undo script shares its migration's version by design; its up file speaks for it.
      if (file.version === null || !file.replayed) continue;
      const key = versionKey(file.versionParts);
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, parsed);
        continue;
      }
      reports.push({
        message: `Version ${file.version} is also the version of ${shortName(earlier.file.path)}; a runner applies only one of them, or refuses both.`,
        file: file.path,
        line: 1,
        column: 1,
        related: [{ file: earlier.file.path, line: 1, message: `also version ${earlier.file.version}` }],
        otherSide: {
          message: `Version ${earlier.file.version} is also the version of ${shortName(file.path)}; a runner applies only one of them, or refuses both.`,
          file: earlier.file.path,
          line: 1,
          column: 1,
          related: [{ file: file.path, line: 1, message: `also version ${file.version}` }],
        },
      });
    }
    return reports;
  },
});
