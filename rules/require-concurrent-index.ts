import { nodeOf } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { at, defineRule, where, type Report } from '../src/rule.js';

export default defineRule({
  id: 'require-concurrent-index',
  category: 'safety',
  severity: 'warning',
  description: 'CREATE INDEX without CONCURRENTLY on a table that an earlier migration created.',
  docs: {
    why: 'A plain CREATE INDEX blocks every INSERT, UPDATE and DELETE on the table until the index is built, which on a table with rows can take minutes. A table created earlier in the same file is new and empty, so it is not reported.',
    fix: 'Use CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction (one statement per file, or the runner\'s no-transaction option).',
    bad: '-- 001_feedback.sql\nCREATE TABLE feedback (id uuid PRIMARY KEY, user_id uuid);\n-- 006_add_feedback_indexes.sql\nCREATE INDEX idx_feedback_user_id ON feedback (user_id);',
    good: '-- 006_add_feedback_indexes.sql\nCREATE INDEX CONCURRENTLY idx_feedback_user_id ON feedback (user_id);',
  },
  check({ facts }) {
    const reports: Report[] = [];
    for (const event of facts.events('index', 'create')) {
      if (event.statementKind !== 'IndexStmt' || !facts.existedBeforeFile(event)) continue;
      const place = facts.statementAt(event.origin);
      const index = place ? nodeOf(place.statement, 'IndexStmt') : null;
      if (!index || index.concurrent) continue;
      // PostgreSQL cannot build an index on a partitioned table concurrently (only on each partition).
      if (facts.table(event.tableId)?.partitionBy) continue;
      const table = index.relation?.relname ?? '';
      const created = facts.tableCreations.get(event.tableId!)!;
      reports.push({
        ...at(event.origin),
        message: `CREATE INDEX without CONCURRENTLY blocks writes to "${displayName(table)}", which exists since ${where(created)}.`,
        suggestion: 'CREATE INDEX CONCURRENTLY, outside a transaction.',
      });
    }
    return reports;
  },
});
