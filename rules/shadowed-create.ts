import { diffArrays } from 'diff';
import type { ColumnDef } from 'libpg-query';
import { nameParts, nodeOf } from '../src/ast.js';
import { typeBefore } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import { formatType } from '../src/replay/sql-text.js';
import { at, defineRule, where, type Report } from '../src/rule.js';
import type { Origin, Table } from '../src/replay/index.js';

/** One line per column, as the diff shows it: `name type [not null]`. */
function columnLine(name: string, type: string, notNull: boolean): string {
  return `${name} ${type}${notNull ? ' not null' : ''}`;
}

/** The statement's columns; `primaryKey` lists the columns of a table-level PRIMARY KEY (they are NOT NULL). */
function declaredColumns(definitions: ColumnDef[], primaryKey: string[]): string[] {
  return definitions.map((definition) => {
    const notNull = (definition.constraints ?? []).some(
      (item) => 'Constraint' in item && ['CONSTR_NOTNULL', 'CONSTR_PRIMARY'].includes(item.Constraint.contype ?? ''),
    );
    const type = definition.typeName ? formatType(definition.typeName) : '';
    const name = definition.colname ?? '';
    return columnLine(name, type, notNull || Boolean(definition.is_not_null) || primaryKey.includes(name));
  });
}

/** Sorted by name, so that the diff shows changed columns, not columns listed in another order. */
const byName = (lines: string[]) => [...lines].sort();

function existingColumns(table: Table, before: Origin): string[] {
  return table.columns
    .filter((column) => column.created.fileOrder < before.fileOrder || (column.created.fileOrder === before.fileOrder && column.created.statementIndex < before.statementIndex))
    .map((column) => columnLine(column.name, typeBefore(column, before), column.notNull));
}

export default defineRule({
  id: 'shadowed-create',
  category: 'history',
  severity: 'error',
  description: 'CREATE TABLE IF NOT EXISTS in a later file defines a table that already exists differently, so PostgreSQL silently ignores it.',
  docs: {
    why: 'IF NOT EXISTS only looks at the name. When the table already exists, the whole statement does nothing: columns it adds never exist, columns it drops stay, and the file reads as if the table had the new shape.',
    fix: 'Write the difference as ALTER TABLE statements (ADD COLUMN, DROP COLUMN, ALTER COLUMN TYPE) and delete the second CREATE TABLE.',
    bad: '-- 005_checklist_submissions.sql\nCREATE TABLE checklist_submissions (id uuid PRIMARY KEY, comments text);\n-- 008_checklist_submissions.sql\nCREATE TABLE IF NOT EXISTS checklist_submissions (id uuid PRIMARY KEY, ticket_id uuid);',
    good: '-- 008_checklist_submissions_ticket.sql\nALTER TABLE checklist_submissions ADD COLUMN ticket_id uuid;\nALTER TABLE checklist_submissions DROP COLUMN comments;',
  },
  check({ facts }) {
    const reports: Report[] = [];
    for (const event of facts.events('table', 'noop')) {
      if (event.statementKind !== 'CreateStmt') continue;
      const table = facts.table(event.tableId);
      const place = facts.statementAt(event.origin);
      const create = place ? nodeOf(place.statement, 'CreateStmt') : null;
      if (!table || !create || create.partbound || create.ofTypename) continue;
      const definitions = (create.tableElts ?? []).flatMap((element) => ('ColumnDef' in element ? [element.ColumnDef] : []));
      if (definitions.length === 0) continue;
      const primaryKey = (create.tableElts ?? []).flatMap((element) =>
        'Constraint' in element && element.Constraint.contype === 'CONSTR_PRIMARY' ? nameParts(element.Constraint.keys) : [],
      );
      const changes = diffArrays(byName(existingColumns(table, event.origin)), byName(declaredColumns(definitions, primaryKey)));
      const lines = changes.flatMap((change) => (change.added ? change.value.map((line) => `+ ${line}`) : change.removed ? change.value.map((line) => `- ${line}`) : []));
      if (lines.length === 0) continue;
      const name = displayName(event.name);
      reports.push({
        ...at(event.origin),
        message: `CREATE TABLE IF NOT EXISTS "${name}" does nothing: the table already exists (created in ${where(table.created)}) with other columns (${lines.join(', ')}).`,
        related: [{ file: table.created.path, line: table.created.line, message: `"${name}" created here` }],
        suggestion: 'Turn the differences into ALTER TABLE statements.',
      });
    }
    return reports;
  },
});
