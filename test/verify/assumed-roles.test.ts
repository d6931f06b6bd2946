import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

describe('verify creates the roles the chain assumes', () => {
  it('a role named only in OWNER TO exists before the chain runs, so ownership is compared, not rejected', async () => {
    const analysis = await analyze(path.join(import.meta.dirname, 'fixtures/owner-roles'), { cache: false });
    const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) }, preset: analysis.preset });
    expect(report.chainRejections).toEqual([]);
    expect(report.baselineRejections).toEqual([]);
    expect(report.assumedRoles).toEqual(['app_owner', 'item_owner', 'mat_view_owners']);
    expect(report.differences).toEqual([]);
  }, 240_000);
});
