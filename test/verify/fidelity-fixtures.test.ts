import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

const fixtures = path.join(import.meta.dirname, '../fidelity/fixtures');

describe('verify on the fidelity suite folders', () => {
  for (const name of readdirSync(fixtures).sort()) {
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
