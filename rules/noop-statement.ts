import { addedColumn, compareOrigins, nodeOf, positionAt } from '../src/ast.js';
import { displayName } from '../src/names.js';
import type { Origin } from '../src/replay/index.js';
import { defineRule, where, type Report } from '../src/rule.js';

/** " (already there from file:line)" when the earlier definition is known. */
const alreadyFrom = (origin: Origin | undefined) => (origin ? ` (already there from ${where(origin)})` : '');

export default defineRule({
  id: 'noop-statement',
  category: 'history',
  severity: 'warning',
  description: 'ADD COLUMN IF NOT EXISTS or CREATE INDEX IF NOT EXISTS that does nothing, because the column or index already exists at that point.',
  docs: {
    why: 'An "ensure columns" migration that re-adds existing columns with IF NOT EXISTS does nothing, yet it reads like the place those columns come from. Whoever changes the definition there changes nothing in the database.',
    fix: 'Delete the statements that do nothing; keep the one place that really adds the column or index.',
    bad: '-- 012_add_openphone_missing_columns.sql\nALTER TABLE openphone_conversations ADD COLUMN metadata jsonb;\n-- 017_openphone_messages_enhancement.sql\nALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS metadata jsonb;',
    good: '-- 012_add_openphone_missing_columns.sql\nALTER TABLE openphone_conversations ADD COLUMN metadata jsonb;',
  },
  check({ history, facts }) {
    const reports: Report[] = [];
    const indexCreated = new Map<string, Origin>();
    for (const event of history) {
      if (event.action === 'create' && event.objectType === 'index') indexCreated.set(event.name, event.origin);
      if (event.action !== 'noop') continue;
      const place = facts.statementAt(event.origin);
      // Inside a DO block the statement runs only under the block's own IF: a deliberate guard.
      if (!place || place.statement.kind === 'DoStmt') continue;
      const definition = event.objectType === 'column' ? addedColumn(place.statement, event.member ?? '') : null;
      if (definition) {
        const column = facts.table(event.tableId)?.columns.find((candidate) => candidate.name === event.member);
        const earlier = column && compareOrigins(column.created, event.origin) < 0 ? column.created : undefined;
        reports.push({
          ...positionAt(place, definition.location),
          message: `ADD COLUMN IF NOT EXISTS "${event.member}" does nothing: "${displayName(event.name)}" already has that column${alreadyFrom(earlier)}.`,
        });
      } else if (event.objectType === 'index' && event.statementKind === 'IndexStmt') {
        const index = nodeOf(place.statement, 'IndexStmt');
        reports.push({
          ...positionAt(place),
          message: `CREATE INDEX IF NOT EXISTS "${index?.idxname ?? displayName(event.name)}" does nothing: the index already exists${alreadyFrom(indexCreated.get(event.name))}.`,
        });
      }
    }
    return reports;
  },
});
