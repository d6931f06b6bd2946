import { columnList, qualified } from '../src/baseline/sql.js';
import { displayName } from '../src/names.js';
import { defineRule, type Report } from '../src/rule.js';
import { qualifiedName } from '../src/replay/model.js';

export default defineRule({
  id: 'unindexed-foreign-key',
  category: 'performance',
  severity: 'warning',
  description: 'A foreign key whose columns are not the leading columns of any index on its table.',
  docs: {
    why: 'Deleting or updating a referenced row makes PostgreSQL look up the referencing rows; without an index that is a full scan of the referencing table for every row, and joins along the key are slow too.',
    fix: 'Create an index whose first columns are the foreign key columns (CREATE INDEX CONCURRENTLY on a live table).',
    bad: 'CREATE TABLE remote_actions_log (id uuid PRIMARY KEY, initiated_by uuid REFERENCES users(id));',
    good: 'CREATE TABLE remote_actions_log (id uuid PRIMARY KEY, initiated_by uuid REFERENCES users(id));\nCREATE INDEX remote_actions_log_initiated_by_idx ON remote_actions_log (initiated_by);',
  },
  check({ schema }) {
    const reports: Report[] = [];
    // PostgreSQL's own linter counts any index, partial ones included, whose leading columns are the key's.
    const keysByTable = new Map<string, string[][]>();
    for (const index of schema.indexes.values()) {
      const keys = keysByTable.get(index.table);
      if (keys) keys.push(index.keys);
      else keysByTable.set(index.table, [index.keys]);
    }
    for (const table of schema.tables.values()) {
      const key = qualifiedName(table.schema, table.name);
      const leading = keysByTable.get(key) ?? [];
      for (const constraint of table.constraints) {
        if (constraint.kind !== 'foreign key' || constraint.columns.length === 0) continue;
        const wanted = new Set(constraint.columns);
        const covered = leading.some((keys) => keys.length >= wanted.size && keys.slice(0, wanted.size).every((column) => wanted.has(column)));
        if (covered) continue;
        reports.push({
          file: constraint.created.path,
          line: constraint.created.line,
          column: constraint.created.column,
          message: `Foreign key "${constraint.name}" on "${displayName(key)}" (${constraint.columns.join(', ')}) has no index.`,
          // Quoted as PostgreSQL needs, so the suggestion runs as written (Prisma's "Post" ("authorId")).
          suggestion: `CREATE INDEX ON ${qualified(table.schema, table.name)} (${columnList(constraint.columns)});`,
        });
      }
    }
    return reports;
  },
});
