/**
 * verify sends statements together where that cannot change what they do, and falls back to one
 * at a time when PostgreSQL rejects the batch: rejections keep their file:line and message, and
 * what ran around them stays applied.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDiscovery } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { discover, type Layout } from '../../src/discover/index.js';
import { verify, type VerifyReport } from '../../src/verify/index.js';
import { writeFolder } from '../support/rule-tester.js';

const SLOW = 180_000;

async function verified(files: Record<string, string>, layout: Layout, folder = '.'): Promise<VerifyReport> {
  const dir = writeFolder(files);
  try {
    const analysis = await analyzeDiscovery(discover(path.join(dir, folder), { cwd: dir, layout }), { cwd: dir, preset: undefined });
    return await verify({ files: analysis.files, baseline: { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) }, preset: analysis.preset });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('statements sent together', () => {
  it(
    'a rejected statement of a file run statement by statement is reported at its line, and the statements around it stay applied',
    async () => {
      const report = await verified(
        { '001_tables.sql': 'create table a (id int primary key);\ncreate table b (a_id int references missing (id));\ncreate table c (id int);\ncomment on table c is $$c$$;\n' },
        'numbered',
      );
      expect(report.chainRejections).toEqual([
        { where: '001_tables.sql:2', statement: 'create table b (a_id int references missing (id))', message: 'relation "missing" does not exist' },
      ]);
      expect(report.differences).toEqual([]);
      expect(report.statements.chain).toBe(4);
    },
    SLOW,
  );

  it(
    'a file in one transaction with a rejected statement applies nothing and reports the statement where it is',
    async () => {
      const report = await verified(
        {
          'supabase/migrations/20240101000000_a.sql': 'create table public.a (id int primary key);\n',
          'supabase/migrations/20240102000000_b.sql': 'create table public.b (id int);\n\nalter table public.b add constraint b_check check (idd > 0);\ncreate table public.c (id int);\n',
        },
        'supabase',
        'supabase/migrations',
      );
      expect(report.chainRejections).toEqual([
        {
          where: expect.stringMatching(/20240102000000_b\.sql:3$/),
          statement: 'alter table public.b add constraint b_check check (idd > 0)',
          message: 'column "idd" does not exist',
          fileRolledBack: true,
        },
      ]);
      expect(report.differences).toEqual([]);
    },
    SLOW,
  );
});
