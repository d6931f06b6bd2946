import { defineRule, type Report } from '../src/rule.js';
import { SUM_FILE, sumDifferences } from '../src/sum.js';

export default defineRule({
  id: 'migration-edited',
  category: 'history',
  severity: 'error',
  description: `A migration file changed after its hash was recorded in ${SUM_FILE}.`,
  docs: {
    why: 'Databases that already applied a migration never run it again, so an edit reaches only new databases: production and a fresh environment silently diverge. Runners that check their own hashes (Flyway, Atlas) refuse to migrate instead.',
    fix: `Revert the edit and put the change in a new migration. If the edit changes nothing a database would see (a comment), record it with \`miglint sum\`.`,
    bad: `${SUM_FILE} records 001_users.sql, then 001_users.sql is changed:\n-CREATE TABLE users (id bigint PRIMARY KEY);\n+CREATE TABLE users (id bigint PRIMARY KEY, email text);`,
    good: '001_users.sql unchanged, and a new file:\n002_users_email.sql   ALTER TABLE users ADD COLUMN email text;',
  },
  check({ sum, files }) {
    if (!sum) return [];
    const byName = new Map(files.map((parsed) => [parsed.file.name, parsed.file.path]));
    const reports: Report[] = [];
    for (const difference of sumDifferences(sum, files)) {
      if (difference.kind !== 'edited') continue;
      reports.push({
        file: byName.get(difference.name)!,
        line: 1,
        column: 1,
        message: `This migration changed after ${SUM_FILE} recorded it: databases that already applied it will not see the change.`,
        related: [{ file: sum.path, line: difference.entry.line, message: 'its recorded hash' }],
        suggestion: `Put the change in a new migration; if the edit is deliberate (a comment), run \`miglint sum\`.`,
      });
    }
    return reports;
  },
});
