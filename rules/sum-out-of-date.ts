import { defineRule, type Report } from '../src/rule.js';
import { SUM_FILE, sumDifferences, type SumDifference } from '../src/sum.js';

export default defineRule({
  id: 'sum-out-of-date',
  category: 'history',
  severity: 'error',
  description: `Migration files were added or removed without updating ${SUM_FILE}, or it cannot be read.`,
  docs: {
    why: `${SUM_FILE} makes two branches that both add migrations conflict in git, so the order they run in is decided before the merge, not found out at deploy time. A file added without \`miglint sum\` escapes that check, and a file removed from the folder may already be applied somewhere.`,
    fix: `Run \`miglint sum\` and commit ${SUM_FILE} with the new migration. On a git conflict in ${SUM_FILE}, rebase onto the other branch, renumber your migration to come after its, and run \`miglint sum\` again.`,
    bad: `${SUM_FILE}       records 001_users.sql\n001_users.sql\n002_orders.sql    (new, not recorded)`,
    good: `${SUM_FILE}       records 001_users.sql and 002_orders.sql\n001_users.sql\n002_orders.sql`,
  },
  check({ sum, files }) {
    if (!sum) return [];
    const byName = new Map(files.map((parsed) => [parsed.file.name, parsed.file.path]));
    return sumDifferences(sum, files).flatMap((difference): Report[] => {
      const report = reportFor(difference, sum.path, byName);
      return report ? [report] : [];
    });
  },
});

function reportFor(difference: SumDifference, sumPath: string, byName: Map<string, string>): Report | null {
  const run = `run \`miglint sum\``;
  switch (difference.kind) {
    case 'added':
      return { file: byName.get(difference.name)!, line: 1, column: 1, message: `This migration is not recorded in ${SUM_FILE}: ${run} and commit it with the file.` };
    case 'removed':
      return {
        file: sumPath,
        line: difference.entry.line,
        column: 1,
        message: `${difference.entry.name} is recorded here but no longer in the folder: if no database applied it, ${run}.`,
      };
    case 'unreadable':
      return {
        file: sumPath,
        line: difference.line,
        column: 1,
        message: `This line of ${SUM_FILE} is not "<file> h1:<hash>": ${run} to write it again.`,
      };
    case 'conflict':
      return {
        file: sumPath,
        line: difference.line,
        column: 1,
        message: `${SUM_FILE} has a git merge conflict: two branches added migrations. Rebase onto the other branch, order your migrations after its, and ${run}.`,
      };
    case 'hand-edited':
      return { file: sumPath, line: 1, column: 1, message: `${SUM_FILE} was edited by hand (its first line does not match its entries): ${run}.` };
    case 'edited':
      return null;
  }
}
