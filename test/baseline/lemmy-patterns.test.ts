import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';

describe('baseline of the patterns Lemmy verified with', () => {
  it('writes renamed sequences and enum labels in defaults, changed deferrability, NULLS NOT DISTINCT and extended statistics, with nothing left out', async () => {
    const analysis = await analyze(path.join(import.meta.dirname, 'fixtures/lemmy-patterns'), { cache: false });
    await expect(emitBaseline(analysis, { includeData: false })).toMatchFileSnapshot('__snapshots__/lemmy-patterns.sql');
  });
});
