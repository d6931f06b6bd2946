import { RELATION_KINDS } from '../src/facts/relation-kinds.js';
import { displayName } from '../src/names.js';
import { at, defineRule, where, type Report } from '../src/rule.js';
import type { HistoryEvent } from '../src/replay/index.js';

export default defineRule({
  id: 'duplicate-create-table',
  category: 'history',
  severity: 'error',
  description: 'The same table is created in more than one migration file.',
  docs: {
    why: 'Only one definition can be real. Without a DROP in between, the second CREATE TABLE fails, or with IF NOT EXISTS is silently ignored, so its columns never exist even though the file says they do. With a DROP in between, every row written before it is lost on a live database.',
    fix: 'Keep one CREATE TABLE and turn later differences into ALTER TABLE statements; or consolidate the folder with `miglint baseline`.',
    bad: '-- 005_checklist_submissions.sql\nCREATE TABLE checklist_submissions (id uuid PRIMARY KEY, task text);\n-- 008_checklist_submissions.sql\nCREATE TABLE IF NOT EXISTS checklist_submissions (id uuid PRIMARY KEY, task text, done boolean);',
    good: '-- 005_checklist_submissions.sql\nCREATE TABLE checklist_submissions (id uuid PRIMARY KEY, task text);\n-- 008_add_done_to_checklist_submissions.sql\nALTER TABLE checklist_submissions ADD COLUMN done boolean;',
  },
  // PostgreSQL's `table "x" already exists` at a second CREATE TABLE this rule reports is this rule's.
  claims: [{ code: 'exists', kinds: RELATION_KINDS }],
  check({ facts }) {
    const reports: Report[] = [];
    const lastCreate = new Map<string, HistoryEvent>();
    const dropsSince = new Map<string, HistoryEvent[]>();
    for (const event of facts.events('table')) {
      if (event.action === 'drop') dropsSince.get(event.name)?.push(event);
      if (event.statementKind !== 'CreateStmt') continue;
      const previous = lastCreate.get(event.name);
      const drops = dropsSince.get(event.name) ?? [];
      // DROP and CREATE in one file is a deliberate rebuild; drop-recreate speaks to its data loss.
      const rebuilt = drops.some((drop) => drop.origin.path === event.origin.path);
      if (previous && previous.origin.path !== event.origin.path && !rebuilt) {
        const name = displayName(event.name);
        const outcome =
          drops.length > 0
            ? `after a DROP in ${where(drops[drops.length - 1]!.origin)}`
            : event.action === 'noop'
              ? 'with IF NOT EXISTS, so this definition is silently ignored'
              : 'with no DROP in between, so this statement fails';
        reports.push({
          ...at(event.origin),
          message: `Table "${name}" is created again (first created in ${where(previous.origin)}), ${outcome}.`,
          related: [
            { file: previous.origin.path, line: previous.origin.line, message: `"${name}" first created here` },
            ...drops.map((drop) => ({ file: drop.origin.path, line: drop.origin.line, message: `"${name}" dropped here` })),
          ],
        });
      }
      if (event.action === 'create' || !previous) {
        lastCreate.set(event.name, event);
        dropsSince.set(event.name, []);
      }
    }
    return reports;
  },
});
