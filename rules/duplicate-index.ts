import { indexKeyOptions } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import type { ParsedFile } from '../src/parse/index.js';
import { defineRule, where, type Report } from '../src/rule.js';
import type { Index } from '../src/replay/model.js';

/** Two indexes with this key answer the same queries and enforce the same things. */
function indexShape(files: ParsedFile[], index: Index): string {
  const options = indexKeyOptions(files, index);
  return JSON.stringify([index.table, index.method, index.keys.map((key, i) => [key, options[i] ?? '']), index.include, index.where]);
}

const describe = (index: Index) => (index.constraint ? `the index of constraint "${index.constraint}"` : `index "${displayName(`${index.schema}.${index.name}`)}"`);

export default defineRule({
  id: 'duplicate-index',
  category: 'performance',
  severity: 'warning',
  description: 'Two indexes on the same table with the same columns, method and predicate.',
  docs: {
    why: 'A duplicate index doubles the write cost and the disk space of its twin and is never chosen over it; it often appears when a UNIQUE constraint is followed by a CREATE INDEX on the same column.',
    fix: 'Drop the duplicate (keep the one a constraint needs, or the unique one).',
    bad: 'CREATE TABLE users (id uuid PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_email_idx ON users (email);',
    good: 'CREATE TABLE users (id uuid PRIMARY KEY, email text UNIQUE);',
  },
  check({ schema, files }) {
    const reports: Report[] = [];
    const first = new Map<string, Index>();
    const ordered = [...schema.indexes.values()].sort((a, b) => a.created.fileOrder - b.created.fileOrder || a.created.statementIndex - b.created.statementIndex);
    for (const index of ordered) {
      const shape = indexShape(files, index);
      const twin = first.get(shape);
      if (!twin) {
        first.set(shape, index);
        continue;
      }
      // Report the one that can go: the plain index rather than a constraint's or a unique one.
      const [keep, redundant] = (index.constraint && !twin.constraint) || (index.unique && !twin.unique) ? [index, twin] : [twin, index];
      reports.push({
        file: redundant.created.path,
        line: redundant.created.line,
        column: redundant.created.column,
        message: `${describe(redundant).replace(/^./, (c) => c.toUpperCase())} duplicates ${describe(keep)} (${where(keep.created)}) on "${displayName(index.table)}" (${index.keys.join(', ')}).`,
        related: [{ file: keep.created.path, line: keep.created.line, message: 'the same index' }],
      });
      first.set(shape, keep);
    }
    return reports;
  },
});
