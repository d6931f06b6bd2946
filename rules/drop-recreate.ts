import { displayName } from '../src/names.js';
import type { HistoryEvent, Origin } from '../src/replay/index.js';
import { at, defineRule, where, type Report } from '../src/rule.js';

export default defineRule({
  id: 'drop-recreate',
  category: 'history',
  severity: 'error',
  description: 'A table from an earlier migration is dropped and then created again.',
  docs: {
    why: 'On a database where the earlier migration already ran, DROP TABLE deletes every row; the new CREATE TABLE starts empty. On a fresh database nothing seems wrong, which is why this survives review.',
    fix: 'Change the table in place with ALTER TABLE, or copy the rows into the new table before dropping the old one (CREATE new, INSERT ... SELECT, DROP old, RENAME).',
    bad: '-- 20240122140000_create_tasks.sql\nCREATE TABLE tasks (id bigint PRIMARY KEY, title text);\n-- 20240315100000_drop_tasks.sql\nDROP TABLE tasks;\n-- 20240315103000_create_tasks_v2.sql\nCREATE TABLE tasks (id uuid PRIMARY KEY, title text);',
    good: '-- 20240315100000_tasks_uuid.sql\nALTER TABLE tasks ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();',
  },
  check({ facts }) {
    const reports: Report[] = [];
    const created = new Map<string, Origin>();
    const dropped = new Map<string, { drop: Origin; created: Origin }>();
    for (const event of facts.events('table')) {
      if (event.action === 'drop') {
        const creation = created.get(event.name);
        if (creation) dropped.set(event.name, { drop: event.origin, created: creation });
        created.delete(event.name);
      } else if (event.action === 'create' && event.statementKind === 'CreateStmt') {
        const previous = dropped.get(event.name);
        if (previous && previous.created.fileOrder < previous.drop.fileOrder) reports.push(report(event, previous));
        dropped.delete(event.name);
        created.set(event.name, event.origin);
      } else if (event.action === 'create') {
        created.set(event.name, event.origin);
      }
    }
    return reports;
  },
});

function report(event: HistoryEvent, previous: { drop: Origin; created: Origin }): Report {
  const name = displayName(event.name);
  return {
    ...at(event.origin),
    message: `Table "${name}" is created again after ${where(previous.drop)} dropped it; on a live database every row created since ${where(previous.created)} is lost.`,
    related: [
      { file: previous.created.path, line: previous.created.line, message: `"${name}" first created here` },
      { file: previous.drop.path, line: previous.drop.line, message: `"${name}" dropped here` },
    ],
  };
}
