import { defineRule, shortName, type Report } from '../src/rule.js';

/** Timestamps and dates are not meant to be consecutive; only short sequence numbers are. */
const MAX_SEQUENCE_DIGITS = 8;

export default defineRule({
  id: 'version-gap',
  category: 'naming',
  severity: 'info',
  enabledByDefault: false,
  description: 'Sequential version numbers skip one or more numbers.',
  docs: {
    why: 'A missing number usually means a migration was deleted, renamed, or lives on another branch that has not been merged; the runner will not notice, but a database that applied the missing file has a schema the folder does not describe.',
    fix: 'Find out what the missing version was; restore it, or note in the next file why the number is unused.',
    bad: '021_fix_tickets.sql\n023_ensure_openphone_columns.sql',
    good: '021_fix_tickets.sql\n022_ensure_openphone_columns.sql',
  },
  check({ files }) {
    const reports: Report[] = [];
    const sequence = files.filter(
      (parsed) =>
        parsed.file.replayed &&
        parsed.file.versionParts.length === 1 &&
        parsed.file.version !== null &&
        parsed.file.version.length <= MAX_SEQUENCE_DIGITS,
    );
    for (let i = 1; i < sequence.length; i++) {
      const previous = sequence[i - 1]!;
      const current = sequence[i]!;
      const missing = BigInt(current.file.versionParts[0]!) - BigInt(previous.file.versionParts[0]!) - 1n;
      if (missing <= 0n) continue;
      const from = BigInt(previous.file.versionParts[0]!) + 1n;
      const to = BigInt(current.file.versionParts[0]!) - 1n;
      reports.push({
        file: current.file.path,
        line: 1,
        column: 1,
        message: `Version${missing === 1n ? ` ${from} is` : `s ${from} to ${to} are`} missing between ${shortName(previous.file.path)} and ${shortName(current.file.path)}.`,
        related: [{ file: previous.file.path, line: 1, message: 'the version before the gap' }],
      });
    }
    return reports;
  },
});
