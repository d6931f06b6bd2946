/**
 * The second proof: on every verify and fidelity fixture folder, pg_dump of the chain and of the
 * baseline agree with verify's catalog comparison. Equal catalogs must mean equal normalized
 * dumps, and every line the dumps differ in must belong to an object the catalog comparison
 * lists (src/verify/dump-explained.ts): a dump difference it does not list is a blind spot.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { unexplained } from '../../src/verify/dump.js';
import type { ExplainedDumpDifference } from '../../src/verify/dump-explained.js';
import { verify } from '../../src/verify/index.js';

const SUITES = [path.join(import.meta.dirname, 'fixtures'), path.join(import.meta.dirname, '../fidelity/fixtures')];

function folders(suite: string): string[] {
  return readdirSync(suite, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(suite, entry.name))
    .sort();
}

const shown = (difference: ExplainedDumpDifference) =>
  `${difference.type} ${difference.schema} ${difference.name} (${difference.kind}): -${JSON.stringify(difference.leftLines)} +${JSON.stringify(difference.rightLines)}`;

async function verifyWithDump(dir: string, baseline?: { name: string; text: string }) {
  const analysis = await analyze(dir, { cache: false });
  return verify({
    files: analysis.files,
    baseline: baseline ?? { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) },
    preset: analysis.preset,
    pgDump: true,
  });
}

describe('pg_dump agrees with the catalog comparison on every fixture folder', () => {
  for (const suite of SUITES) {
    for (const dir of folders(suite)) {
      const name = path.relative(path.join(import.meta.dirname, '..'), dir);
      it(
        name,
        async () => {
          const report = await verifyWithDump(dir);
          expect(report.dump?.failure).toBeUndefined();
          expect(unexplained(report.dump).map(shown)).toEqual([]);
          const catalog = report.differences.map((difference) => difference.message);
          expect(report.dump!.differences.length === 0, `catalog differences: ${JSON.stringify(catalog)}`).toBe(catalog.length === 0);
        },
        240_000,
      );
    }
  }
});
