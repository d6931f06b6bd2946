import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

/**
 * Partitions named after the day the chain runs, made by SELECT calls of functions that EXECUTE
 * DDL: the baseline carries the calls, so that it builds the same partitions on any day.
 */
describe('calls of functions that change the schema as they run', () => {
  it(
    'are carried after every table exists (with the defaults their partitions got later), unless the table they work on or the function is dropped later',
    async () => {
      const analysis = await analyze(path.join(import.meta.dirname, 'fixtures/runtime-partitions'), { cache: false });
      const baseline = emitBaseline(analysis, { includeData: false });
      const carried = baseline.split('\n').filter((line) => /^SELECT /.test(line));
      expect(carried).toEqual([
        "SELECT create_range_partition('v1_task', NOW()::DATE);",
        "SELECT create_partitions_around('v1_task'::text, (NOW() + INTERVAL '2 day')::DATE);",
        "SELECT create_range_partition('v1_task', (NOW() + INTERVAL '5 day')::DATE);",
      ]);
      expect(baseline.split('\n').filter((line) => /^ALTER TABLE v1_task /.test(line))).toEqual([
        'ALTER TABLE v1_task ALTER COLUMN retry_count SET DEFAULT 0;',
        "ALTER TABLE v1_task ALTER COLUMN note SET DEFAULT 'none';",
        'ALTER TABLE v1_task ALTER COLUMN inserted_at SET DEFAULT CURRENT_TIMESTAMP;',
      ]);
      expect(baseline.split('\n').filter((line) => /^-- {3}\d+_/.test(line))).toEqual([
        '--   001_partitions.sql:39        data: SELECT add_one(41)',
        "--   002_scratch.sql:7            SELECT create_range_partition('v1_scratch', NOW()::DATE): needs public.v1_scratch, which the chain drops later",
        "--   003_dropped_function.sql:10  SELECT copy_table('v1_task'): needs public.copy_table, which the chain drops later",
      ]);
      const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
      expect(report.chainRejections).toEqual([]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([
        'table public.v1_task_copy exists only on the left',
        ...['DELETE', 'INSERT', 'MAINTAIN', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'].map(
          (privilege) => `grant ${privilege} on table public.v1_task_copy to postgres exists only on the left`,
        ),
      ]);
    },
    240_000,
  );
});
