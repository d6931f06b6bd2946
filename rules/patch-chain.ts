import { z } from 'zod';
import { displayName, listOf } from '../src/names.js';
import { at, defineRule, shortName, type Report } from '../src/rule.js';
import type { HistoryEvent } from '../src/replay/index.js';
import { eventText } from '../src/replay/history.js';

const PATCHES = new Set(['alter', 'rename', 'noop']);
const MEMBERS = new Set(['table', 'column', 'constraint']);

export default defineRule({
  id: 'patch-chain',
  category: 'history',
  severity: 'warning',
  description: 'A table is created in one file and then altered by many other files.',
  docs: {
    why: 'When one table is defined across a chain of "fix_missing_columns" files, nobody can tell its shape from any one file, each fix risks conflicting with the last, and reviews miss what the table really is.',
    fix: 'Consolidate: fold the changes into the table\'s definition with `miglint baseline`, or at least into one migration per feature.',
    bad: '011_openphone_sop_system.sql   CREATE TABLE openphone_conversations (...)\n012_add_openphone_missing_columns.sql   ALTER TABLE openphone_conversations ADD COLUMN ...\n018_add_updated_at_to_openphone.sql     ALTER TABLE openphone_conversations ADD COLUMN updated_at ...\n020_fix_missing_columns.sql             ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS ...',
    good: '011_openphone_sop_system.sql   CREATE TABLE openphone_conversations (... every column ...)',
  },
  options: z
    .object({
      /** How many other files may alter a table before it is a chain. */
      threshold: z.number().int().min(1).default(3),
    })
    .strict(),
  check({ history, options }) {
    const created = new Map<number, HistoryEvent>();
    const patches = new Map<number, Map<string, HistoryEvent>>();
    for (const event of history) {
      if (event.tableId === null) continue;
      if (event.action === 'create' && event.objectType === 'table') {
        created.set(event.tableId, event);
        patches.set(event.tableId, new Map());
        continue;
      }
      const creation = created.get(event.tableId);
      if (!creation || !PATCHES.has(event.action) || !MEMBERS.has(event.objectType)) continue;
      if (event.origin.path === creation.origin.path) continue;
      const byFile = patches.get(event.tableId)!;
      if (!byFile.has(event.origin.path)) byFile.set(event.origin.path, event);
    }

    const reports: Report[] = [];
    for (const [tableId, byFile] of patches) {
      if (byFile.size < options.threshold) continue;
      const creation = created.get(tableId)!;
      const name = displayName(creation.name);
      const files = [...byFile.values()];
      reports.push({
        ...at(creation.origin),
        message: `Table "${name}" is created here and then patched by ${files.length} other files: ${listOf(files.map((event) => shortName(event.origin.path)))}.`,
        related: files.map((event) => ({ file: event.origin.path, line: event.origin.line, message: eventText(event) })),
        suggestion: 'Fold these changes into one definition; `miglint baseline` writes the consolidated table.',
      });
    }
    return reports;
  },
});
