import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const BACKFILL = `CREATE PROCEDURE public.backfill_books(batch_size int DEFAULT 10000)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.books SET synced_at = updated_at WHERE synced_at IS NULL;
END $$;
CALL public.backfill_books(10000);
DROP PROCEDURE public.backfill_books(int);
`;

const PARTITIONER = `CREATE PROCEDURE public.add_partition(day date)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS events_%s PARTITION OF events FOR VALUES FROM (%L) TO (%L)', to_char(day, 'YYYYMMDD'), day, day + 1);
END $$;
CALL public.add_partition('2026-01-01');
`;

async function baselineOf(files: Record<string, string>, includeData = false): Promise<string> {
  const dir = writeFolder(files);
  folders.push(dir);
  return emitBaseline(await analyze(dir, { cache: false }), { includeData });
}

describe('CALL in the baseline', () => {
  it('is data when the procedure only changes rows: listed as not carried, carried with --include-data (readest 016)', async () => {
    const files = { '001_books.sql': 'CREATE TABLE books (id int PRIMARY KEY, synced_at timestamptz, updated_at timestamptz);\n', '002_backfill.sql': BACKFILL };
    const baseline = await baselineOf(files);
    expect(baseline).toContain('--   002_backfill.sql:6  data: CALL public.backfill_books(10000)');
    expect(baseline).not.toMatch(/^CALL/m);
    expect(await baselineOf(files, true)).toMatch(/^CALL public\.backfill_books\(10000\);$/m);
  });

  it('is carried as written when the procedure changes the schema as it runs', async () => {
    const baseline = await baselineOf({
      '001_events.sql': 'CREATE TABLE events (id int, day date) PARTITION BY RANGE (day);\n',
      '002_partitions.sql': PARTITIONER,
    });
    expect(baseline).toMatch(/^CALL public\.add_partition\('2026-01-01'\);$/m);
  });
});
