import type { HistoryEvent } from '../src/replay/index.js';
import type { RolledBack } from '../src/replay/history.js';
import { reasonText } from '../src/replay/reasons.js';
import { at, defineRule, type Report } from '../src/rule.js';

/** Reasons listed in one finding; the first is the one PostgreSQL stops at. */
const REASONS_SHOWN = 3;

/** What the runner's transaction did to the rest of the file. */
function rollbackNote({ undone, notRun }: RolledBack): string {
  const parts = [undone > 0 ? `${plural(undone, 'statement')} before it rolled back` : '', notRun > 0 ? `${plural(notRun, 'statement')} after it not run` : ''].filter(Boolean);
  return ` The runner applies this file in one transaction, so nothing in it applies${parts.length ? ` (${parts.join(', ')})` : ''}: the files after it see the database as it was before this file.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export default defineRule({
  id: 'rejected-statement',
  category: 'history',
  severity: 'error',
  description: 'A statement PostgreSQL rejects at its place in the chain, for a reason no other rule reports: a policy or trigger that already exists, an index or comment on a column that does not exist, a trigger whose function is created later.',
  docs: {
    why: 'Run on a fresh database (CI, a new developer, a preview branch), the migration stops at this statement. It passed once only because the database it first ran on was different: the object was made by hand, by a file since changed, or a CREATE ... IF NOT EXISTS was skipped because an older definition was already there.',
    fix: 'Make the statement match the chain before it: DROP POLICY IF EXISTS before CREATE POLICY, create the function before the trigger that calls it, add the column with ALTER TABLE ... ADD COLUMN instead of relying on a CREATE TABLE IF NOT EXISTS that is skipped.',
    bad: '-- 001_profiles.sql\nCREATE TABLE profiles (id uuid PRIMARY KEY);\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);\n-- 002_fix_policies.sql\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);',
    good: '-- 001_profiles.sql\nCREATE TABLE profiles (id uuid PRIMARY KEY);\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);\n-- 002_fix_policies.sql\nDROP POLICY IF EXISTS "read own" ON profiles;\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);',
  },
  takesUnclaimed: true,
  check({ facts, unclaimed }) {
    const reasonsByStatement = new Map<string, { event: HistoryEvent; reasons: string[] }>();
    for (const event of unclaimed) {
      if (event.action !== 'error' || (!event.rolledBack && facts.blindSpots.explains(event))) continue;
      const key = `${event.origin.fileOrder}:${event.origin.statementIndex}`;
      const statement = reasonsByStatement.get(key) ?? { event, reasons: [] };
      const reason = reasonText(event.reason);
      if (!statement.reasons.includes(reason)) statement.reasons.push(reason);
      reasonsByStatement.set(key, statement);
    }
    return [...reasonsByStatement.values()].map(({ event, reasons }): Report => {
      const shown = reasons.slice(0, REASONS_SHOWN).join('; ');
      const more = reasons.length > REASONS_SHOWN ? `; and ${reasons.length - REASONS_SHOWN} more` : '';
      return { ...at(event.origin), message: `PostgreSQL rejects this statement here: ${shown}${more}.${event.rolledBack ? rollbackNote(event.rolledBack) : ''}` };
    });
  },
});
