import { indexKeyOptions } from '../src/facts/history-queries.js';
import { displayName } from '../src/names.js';
import type { ParsedFile } from '../src/parse/index.js';
import { defineRule, where, type Report } from '../src/rule.js';
import type { Index } from '../src/replay/model.js';

/** Operator class and collation of each key: a prefix only helps with the same ones. */
const classes = (options: string[]) => options.map((option) => option.replace(/^desc\b/, '').replace(/SORTBY_NULLS_\w+/, '').trim());

/** True when every lookup `shorter` serves, `longer` serves as well (B-tree prefix). */
function isPrefixOf(shorter: Index, longer: Index, files: ParsedFile[]): boolean {
  return (
    shorter !== longer &&
    shorter.table === longer.table &&
    shorter.method === 'btree' &&
    longer.method === 'btree' &&
    shorter.where === longer.where &&
    shorter.include.length === 0 &&
    shorter.keys.length < longer.keys.length &&
    shorter.keys.every((key, i) => longer.keys[i] === key) &&
    sameClasses(shorter, longer, files)
  );
}

function sameClasses(shorter: Index, longer: Index, files: ParsedFile[]): boolean {
  const shorterClasses = classes(indexKeyOptions(files, shorter));
  const longerClasses = classes(indexKeyOptions(files, longer));
  return shorter.keys.every((_, i) => (shorterClasses[i] ?? '') === (longerClasses[i] ?? ''));
}

export default defineRule({
  id: 'redundant-index',
  category: 'performance',
  severity: 'info',
  description: 'A B-tree index whose columns are the leading columns of another index on the same table.',
  docs: {
    why: 'An index on (a) is served by an index on (a, b): the shorter one costs writes and space without speeding up any query the longer one does not.',
    fix: 'Drop the shorter index. Keep it only if it is UNIQUE (it then enforces a constraint) or much smaller and hot.',
    bad: 'CREATE INDEX tickets_status_idx ON tickets (status);\nCREATE INDEX tickets_status_created_idx ON tickets (status, created_at);',
    good: 'CREATE INDEX tickets_status_created_idx ON tickets (status, created_at);',
  },
  check({ schema, files }) {
    const reports: Report[] = [];
    const byTable = new Map<string, Index[]>();
    for (const index of schema.indexes.values()) {
      const siblings = byTable.get(index.table);
      if (siblings) siblings.push(index);
      else byTable.set(index.table, [index]);
    }
    for (const index of schema.indexes.values()) {
      if (index.unique || index.constraint) continue;
      const longer = byTable.get(index.table)!.find((candidate) => isPrefixOf(index, candidate, files));
      if (!longer) continue;
      reports.push({
        file: index.created.path,
        line: index.created.line,
        column: index.created.column,
        message: `Index "${displayName(`${index.schema}.${index.name}`)}" (${index.keys.join(', ')}) is covered by "${longer.name}" (${longer.keys.join(', ')}, ${where(longer.created)}).`,
        related: [{ file: longer.created.path, line: longer.created.line, message: 'the wider index' }],
      });
    }
    return reports;
  },
});
