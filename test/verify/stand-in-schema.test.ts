import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the stand-in for an extension PGlite lacks', () => {
  it(
    'is made in the schema the chain installs the extension in (a pg_dump: WITH SCHEMA public, then "public"."vector")',
    async () => {
      const dir = writeFolder({
        '20251010015852_remote_schema.sql': `CREATE EXTENSION IF NOT EXISTS "vector" WITH SCHEMA "public";
CREATE TABLE IF NOT EXISTS "public"."documents" ("id" bigint NOT NULL PRIMARY KEY, "embedding" "public"."vector"(3));
`,
      });
      folders.push(dir);
      const analysis = await analyze(dir, { cache: false, preset: 'supabase' });
      const baseline = emitBaseline(analysis, { includeData: false });
      const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
      expect(report.standIns).toEqual(['vector']);
      expect(report.chainRejections).toEqual([]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );
});
