import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, type Report } from '../src/rule.js';
import { qualifiedName, type Table } from '../src/replay/model.js';

const hasPrimaryKey = (table: Table | undefined) => table?.constraints.some((constraint) => constraint.kind === 'primary key') ?? false;

export default defineRule({
  id: 'no-primary-key',
  category: 'schema',
  severity: 'warning',
  description: 'A table in the final schema has no primary key.',
  docs: {
    why: 'Without a primary key rows cannot be addressed one by one: duplicates creep in, logical replication (and Supabase Realtime) cannot send updates or deletes, and ORMs and PostgREST cannot update a single row.',
    fix: 'Add a primary key: an identity or uuid `id` column, or the natural key of the table.',
    bad: 'CREATE TABLE learning_metrics (metric text, value numeric, recorded_at timestamptz);',
    good: 'CREATE TABLE learning_metrics (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, metric text, value numeric, recorded_at timestamptz);',
  },
  check({ schema, preset }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      const key = qualifiedName(table.schema, table.name);
      if (isPlatformRelation(preset, key) || hasPrimaryKey(table)) continue;
      // A partition has the primary key of its partitioned parent.
      if (table.partitionOf && hasPrimaryKey(schema.tables.get(table.partitionOf))) continue;
      reports.push({
        file: table.created.path,
        line: table.created.line,
        column: table.created.column,
        message: `Table "${displayName(key)}" has no primary key.`,
      });
    }
    return reports;
  },
});
