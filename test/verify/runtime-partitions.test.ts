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
    'are carried after every table exists (with the defaults, ON ONLY indexes and NOT VALID checks their parents got later), unless the table they work on is dropped later; the functions they run are those of their time',
    async () => {
      const analysis = await analyze(path.join(import.meta.dirname, 'fixtures/runtime-partitions'), { cache: false });
      const baseline = emitBaseline(analysis, { includeData: false });
      const carried = baseline.split('\n').filter((line) => /^SELECT /.test(line));
      expect(carried).toEqual([
        "SELECT create_range_partition('v1_task', NOW()::DATE);",
        "SELECT create_partitions_around('v1_task'::text, (NOW() + INTERVAL '2 day')::DATE);",
        "SELECT create_range_partition('v1_task', (NOW() + INTERVAL '5 day')::DATE);",
        "SELECT copy_table('v1_task');",
        "SELECT create_range_partition('v1_task', (NOW() + INTERVAL '9 day')::DATE, 80);",
      ]);
      expect(baseline).toContain(
        [
          '-- 001_partitions.sql:37',
          '-- public.create_range_partition(text, date): as at this call (the chain changes it later), for this call only.',
          'DROP FUNCTION create_range_partition(text, date, integer);',
          'CREATE FUNCTION create_range_partition(target_table text, target_date date) RETURNS integer',
        ].join('\n'),
      );
      expect(baseline).toContain(
        [
          "SELECT create_range_partition('v1_task', NOW()::DATE);",
          'DROP FUNCTION create_range_partition(text, date);',
          'CREATE FUNCTION create_range_partition(target_table text, target_date date, fill integer DEFAULT 100)',
        ].join('\n'),
      );
      expect(baseline.split('\n').filter((line) => /^ALTER TABLE v1_task /.test(line))).toEqual([
        'ALTER TABLE v1_task ALTER COLUMN retry_count SET DEFAULT 0;',
        "ALTER TABLE v1_task ALTER COLUMN note SET DEFAULT 'none';",
        'ALTER TABLE v1_task ALTER COLUMN inserted_at SET DEFAULT CURRENT_TIMESTAMP;',
        'ALTER TABLE v1_task DROP CONSTRAINT v1_task_id_positive;',
      ]);
      expect(baseline.split('\n').filter((line) => /^-- {3}\d+_/.test(line))).toEqual([
        '--   001_partitions.sql:39  data: SELECT add_one(41)',
        "--   002_scratch.sql:7      SELECT create_range_partition('v1_scratch', NOW()::DATE): needs public.v1_scratch, which the chain drops later",
      ]);
      const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
      expect(report.chainRejections).toEqual([]);
      expect(report.baselineRejections).toEqual([]);
      expect(baseline).toContain(
        [
          '-- 001_partitions.sql:46',
          '-- Made ON ONLY the parent here: the partitions made above do not have it.',
          'CREATE INDEX v1_task_note_idx ON ONLY v1_task (note);',
          '',
          '-- 001_partitions.sql:48',
          '-- Added NOT VALID here: the partitions made above got it NOT VALID too.',
          'ALTER TABLE v1_task DROP CONSTRAINT v1_task_id_positive;',
          'ALTER TABLE v1_task',
          '  ADD CONSTRAINT v1_task_id_positive CHECK (id > 0) NOT VALID;',
        ].join('\n'),
      );
      expect(baseline).toContain(
        [
          '-- 003_dropped_function.sql:10',
          '-- public.copy_table(text): as at this call (the chain drops it later), for this call only.',
          'CREATE FUNCTION copy_table(target_table text) RETURNS void LANGUAGE plpgsql AS',
        ].join('\n'),
      );
      expect(baseline).toContain("SELECT copy_table('v1_task');\nDROP FUNCTION copy_table(text);");
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    240_000,
  );
});
