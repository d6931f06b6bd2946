import type { ColumnDef } from 'libpg-query';
import { addedColumn, nameParts, positionAt } from '../src/ast.js';
import { emptiedEarlierInFile } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import { defineRule, where, type Report } from '../src/rule.js';

/** NOT NULL (or PRIMARY KEY) with nothing to fill existing rows: no default, identity or generation. */
function isRequiredWithoutValue(definition: ColumnDef): boolean {
  const kinds = (definition.constraints ?? []).flatMap((item) => ('Constraint' in item ? [item.Constraint.contype ?? ''] : []));
  const required = Boolean(definition.is_not_null) || kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
  const filled = Boolean(definition.raw_default) || kinds.some((kind) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(kind));
  const serial = /^(small|big)?serial[248]?$/.test(nameParts(definition.typeName?.names).join('.'));
  return required && !filled && !serial;
}

export default defineRule({
  id: 'adding-required-column',
  category: 'safety',
  severity: 'error',
  description: 'ADD COLUMN ... NOT NULL without a DEFAULT on a table that an earlier migration created.',
  docs: {
    why: 'Existing rows have no value for the new column, so the ALTER fails as soon as the table holds a row; it passes on an empty development database and breaks the deploy. A table created earlier in the same file is new and empty, and one the same file emptied first (TRUNCATE, or DELETE without WHERE) holds no rows, so neither is reported.',
    fix: 'Add the column with a DEFAULT; or add it nullable, backfill it, then SET NOT NULL (after a CHECK ... NOT VALID constraint on large tables).',
    bad: '-- 20240122140000_create_projects.sql\nCREATE TABLE projects (id uuid PRIMARY KEY);\n-- 20240301120000_projects_slug.sql\nALTER TABLE projects ADD COLUMN slug text NOT NULL;',
    good: "ALTER TABLE projects ADD COLUMN slug text;\nUPDATE projects SET slug = id::text;\nALTER TABLE projects ALTER COLUMN slug SET NOT NULL;",
  },
  check({ facts, files }) {
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const event of facts.events('column', 'alter')) {
      if (event.statementKind !== 'AlterTableStmt' || !facts.existedBeforeFile(event)) continue;
      // The ADD COLUMN and other commands on the same column in one statement: reported once.
      const change = `${event.origin.fileOrder}:${event.origin.statementIndex}:${event.member}`;
      if (seen.has(change)) continue;
      seen.add(change);
      const place = facts.statementAt(event.origin);
      const definition = place ? addedColumn(place.statement, event.member ?? '') : null;
      if (!place || !definition || !isRequiredWithoutValue(definition)) continue;
      if (emptiedEarlierInFile(files, event.name, event.origin)) continue;
      reports.push({
        ...positionAt(place, definition.location),
        message: `Column "${event.member}" is added NOT NULL without a default to "${displayName(event.name)}" (exists since ${where(facts.tableCreations.get(event.tableId!)!)}); this fails if the table has rows.`,
        suggestion: 'Add a DEFAULT, or add the column nullable, backfill it, then SET NOT NULL.',
      });
    }
    return reports;
  },
});
