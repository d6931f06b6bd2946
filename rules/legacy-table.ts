import { z } from 'zod';
import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';
import { qualifiedName } from '../src/replay/model.js';

// Not `temp_*` or `*_tmp`: real tables hold temporary things under those names (ente's temp_two_factor, Hatchet's olap buffers).
const DEFAULT_PATTERNS = ['*_legacy', '*_old', '*_backup', '*_bak', 'backup_*', 'demo_*', 'test_*', 'tmp_*'];

/** `demo_*` -> /^demo_.*$/: `*` is the only wildcard. */
function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export default defineRule({
  id: 'legacy-table',
  category: 'schema',
  severity: 'warning',
  description: 'A table in the final schema whose name marks it as legacy, backup, demo, test or temporary data.',
  docs: {
    why: 'Backup copies and demo tables created by migrations ship to every environment, keep growing stale, and confuse anyone reading the schema about which table is the real one.',
    fix: 'Drop the table in a migration once its data is no longer needed, or move demo data to a seed script.',
    bad: 'CREATE TABLE demo_tickets (LIKE tickets);\nCREATE TABLE sop_update_log_old (id uuid PRIMARY KEY);',
    good: 'DROP TABLE IF EXISTS sop_update_log_old;',
  },
  options: z
    .object({
      /** Table name patterns; `*` matches any characters. */
      patterns: z.array(z.string().min(1)).default(DEFAULT_PATTERNS),
    })
    .strict(),
  check({ schema, options, preset }) {
    const patterns = options.patterns.map((pattern) => ({ pattern, regexp: patternToRegExp(pattern) }));
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const key = qualifiedName(table.schema, table.name);
      if (isPlatformRelation(preset, key)) continue;
      const match = patterns.find(({ regexp }) => regexp.test(table.name.toLowerCase()));
      if (!match) continue;
      reports.push({
        file: table.created.path,
        line: table.created.line,
        column: table.created.column,
        message: `Table "${displayName(key)}" looks like legacy or throwaway data (matches "${match.pattern}") and is still in the final schema.`,
      });
    }
    return reports;
  },
});
