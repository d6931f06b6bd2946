import { compareOrigins } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { at, defineRule, type Report } from '../src/rule.js';

/** `character varying(50)` -> { base: 'character varying', modifiers: [50] }. */
function splitType(type: string): { base: string; modifiers: number[] } {
  const match = /^([^(]+?)(?:\(([\d, ]+)\))?(\[\])*$/.exec(type);
  if (!match) return { base: type, modifiers: [] };
  return { base: match[1]!.trim() + (type.endsWith('[]') ? '[]' : ''), modifiers: match[2] ? match[2].split(',').map(Number) : [] };
}

/** Changes PostgreSQL makes without rewriting the table or re-checking every row. */
export function isBinaryCompatibleChange(from: string, to: string): boolean {
  if (from === to) return true;
  const a = splitType(from);
  const b = splitType(to);
  const textual = ['character varying', 'text'];
  if (textual.includes(a.base) && b.base === 'text') return true;
  if (a.base === 'character varying' && b.base === 'character varying') return b.modifiers.length === 0 || (a.modifiers.length > 0 && b.modifiers[0]! >= a.modifiers[0]!);
  if (a.base === 'numeric' && b.base === 'numeric') {
    if (b.modifiers.length === 0) return true;
    return a.modifiers.length > 0 && (a.modifiers[1] ?? 0) === (b.modifiers[1] ?? 0) && b.modifiers[0]! >= a.modifiers[0]!;
  }
  if (a.base === 'bit varying' && b.base === 'bit varying') return b.modifiers.length === 0 || (a.modifiers.length > 0 && b.modifiers[0]! >= a.modifiers[0]!);
  return false;
}

export default defineRule({
  id: 'unsafe-column-type-change',
  category: 'safety',
  severity: 'warning',
  description: 'ALTER COLUMN ... TYPE that rewrites a table an earlier migration created.',
  docs: {
    why: 'Most type changes rewrite the whole table and its indexes under an ACCESS EXCLUSIVE lock: no reads or writes until it finishes. Widening a varchar, varchar to text, or relaxing a numeric precision are free and not reported; a table created earlier in the same file is new and not reported either.',
    fix: 'Add a new column of the new type, backfill it in batches, switch reads and writes over, then drop the old column.',
    bad: '-- 011_openphone.sql\nCREATE TABLE calls (id uuid PRIMARY KEY, duration integer);\n-- 025_fix_types.sql\nALTER TABLE calls ALTER COLUMN duration TYPE bigint;',
    good: 'ALTER TABLE calls ADD COLUMN duration_big bigint;\n-- backfill in batches, switch the application, then:\nALTER TABLE calls DROP COLUMN duration;',
  },
  check({ facts }) {
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const event of facts.events('column', 'alter')) {
      if (!facts.existedBeforeFile(event)) continue;
      // One ALTER TABLE may change a column several ways; its type change is reported once.
      const change = `${event.origin.fileOrder}:${event.origin.statementIndex}:${event.tableId}:${event.member}`;
      if (seen.has(change)) continue;
      seen.add(change);
      const column = facts.table(event.tableId)?.columns.find((candidate) => candidate.name === event.member);
      const step = column?.previousTypes.findIndex((previous) => compareOrigins(previous.until, event.origin) === 0) ?? -1;
      if (!column || step === -1) continue;
      const from = column.previousTypes[step]!.type;
      const to = column.previousTypes[step + 1]?.type ?? column.type;
      if (isBinaryCompatibleChange(from, to)) continue;
      reports.push({
        ...at(event.origin),
        message: `Changing "${displayName(event.name)}.${column.name}" from ${from} to ${to} rewrites the table under an exclusive lock.`,
      });
    }
    return reports;
  },
});
