import { defineRule, shortName, type Report } from '../src/rule.js';

export default defineRule({
  id: 'sort-order-mismatch',
  category: 'naming',
  severity: 'warning',
  description: 'Sorted by name, the files come in another order than the runner applies them (e.g. `00010_x` before `0002_y`).',
  docs: {
    why: 'Most runners order migrations by version as a number (the Supabase CLI by name, so its folders never differ); people, editors, `ls` and scripts like `psql -f migrations/*.sql` order them by name. When the two orders differ, a database built by a script differs from one built by the runner, and reviewers read the history out of order.',
    fix: 'Zero-pad versions to one width (`0002`, `0010`), or use timestamps.',
    bad: '9_add_index.sql\n10_add_column.sql   (sorts before 9_ by name)',
    good: '009_add_index.sql\n010_add_column.sql',
  },
  check({ files }) {
    const reports: Report[] = [];
    // Flyway's dotted versions (V1_1 before V1__) are ordered by the runner, not by name, by design.
    const chain = files.filter(
      (parsed) => parsed.file.replayed && parsed.file.version !== null && parsed.file.scheme !== 'flyway',
    );
    for (let i = 1; i < chain.length; i++) {
      const earlier = chain[i - 1]!.file;
      const later = chain[i]!.file;
      if (later.name >= earlier.name) continue;
      reports.push({
        message: `By name, ${shortName(later.path)} sorts before ${shortName(earlier.path)}, but the runner applies version ${earlier.version} first.`,
        file: later.path,
        line: 1,
        column: 1,
        related: [{ file: earlier.path, line: 1, message: `version ${earlier.version}, applied first` }],
        suggestion: 'Zero-pad the versions to one width so that name order is run order.',
      });
    }
    return reports;
  },
});
