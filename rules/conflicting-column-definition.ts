import { addedColumn, positionAt } from '../src/ast.js';
import { typeBefore } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import { formatType } from '../src/replay/sql-text.js';
import { defineRule, where, type Report } from '../src/rule.js';
import type { ColumnDef } from 'libpg-query';

function declaresNotNull(definition: ColumnDef): boolean {
  return (
    Boolean(definition.is_not_null) ||
    (definition.constraints ?? []).some((item) => 'Constraint' in item && ['CONSTR_NOTNULL', 'CONSTR_PRIMARY'].includes(item.Constraint.contype ?? ''))
  );
}

export default defineRule({
  id: 'conflicting-column-definition',
  category: 'history',
  severity: 'error',
  description: 'ADD COLUMN IF NOT EXISTS is ignored because the column exists, and its definition (type or nullability) differs from the real one.',
  docs: {
    why: 'The statement is silently skipped, so the column keeps its old type or nullability while the migration says otherwise. Code written against the migration meets a different column in production.',
    fix: 'Change the existing column explicitly (ALTER COLUMN ... TYPE, SET NOT NULL) and delete the ignored ADD COLUMN IF NOT EXISTS.',
    bad: '-- 011_openphone.sql\nCREATE TABLE openphone_conversations (id uuid PRIMARY KEY, phone_number varchar(20));\n-- 023_ensure_openphone_columns.sql\nALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS phone_number varchar(50);',
    good: '-- 023_widen_phone_number.sql\nALTER TABLE openphone_conversations ALTER COLUMN phone_number TYPE varchar(50);',
  },
  check({ facts }) {
    const reports: Report[] = [];
    for (const event of facts.events('column', 'noop')) {
      if (event.statementKind !== 'AlterTableStmt') continue;
      const column = facts.table(event.tableId)?.columns.find((candidate) => candidate.name === event.member);
      const place = facts.statementAt(event.origin);
      const definition = place ? addedColumn(place.statement, event.member ?? '') : null;
      if (!column || !place || !definition?.typeName) continue;
      const existingType = typeBefore(column, event.origin);
      const declaredType = formatType(definition.typeName);
      const differences: string[] = [];
      if (declaredType !== existingType) differences.push(`it is ${existingType}, not ${declaredType}`);
      if (declaresNotNull(definition) && !column.notNull) differences.push('it allows NULL');
      if (differences.length === 0) continue;
      reports.push({
        ...positionAt(place, definition.location),
        message: `Column "${displayName(event.name)}.${column.name}" already exists (from ${where(column.created)}), so this definition is ignored: ${differences.join(' and ')}.`,
        related: [{ file: column.created.path, line: column.created.line, message: `"${column.name}" defined here` }],
      });
    }
    return reports;
  },
});
