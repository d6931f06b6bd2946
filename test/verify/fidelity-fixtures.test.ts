import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

const fixtures = path.join(import.meta.dirname, '../fidelity/fixtures');

/**
 * Folders of the model's fidelity suite whose baseline cannot equal the chain yet, because
 * the model loses something PostgreSQL keeps (named so the gap stays visible):
 * - tables: index key options (`created_at DESC`) are not in the model's index keys.
 * - renames: a view query rewritten after a rename keeps an alias PostgreSQL would not print.
 */
const MODEL_GAPS = new Set(['tables', 'renames']);

describe('verify on the fidelity suite folders', () => {
  for (const name of readdirSync(fixtures).sort()) {
    if (MODEL_GAPS.has(name)) continue;
    it(
      `the baseline of ${name} builds the same database as the chain`,
      async () => {
        const analysis = await analyze(path.join(fixtures, name), { cache: false });
        const report = await verify({
          files: analysis.files,
          baseline: { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) },
          preset: analysis.preset,
        });
        expect(report.baselineRejections).toEqual([]);
        expect(report.differences.map((difference) => difference.message)).toEqual([]);
      },
      240_000,
    );
  }
});
