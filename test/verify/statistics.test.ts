import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

describe('verify compares extended statistics', () => {
  it(
    'reports a statistics object the baseline lacks, and one whose targets differ',
    async () => {
      const analysis = await analyze(path.join(import.meta.dirname, '../fidelity/fixtures/statistics'), { cache: false });
      const written = emitBaseline(analysis, { includeData: false });
      const text = written
        .replace(/^CREATE STATISTICS post_actions_pair_stat .*\n/m, '')
        .replace('ON (voted_at IS NULL), (vote_is_upvote IS NULL), (post_id IS NULL)', 'ON (voted_at IS NULL), (vote_is_upvote IS NULL)');
      expect(text).not.toBe(written);
      const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text }, preset: analysis.preset });
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([
        'statistics object public.post_actions_liked_stat: definition differs: CREATE STATISTICS public.post_actions_liked_stat ON (voted_at IS NULL), (vote_is_upvote IS NULL), (post_id IS NULL) FROM post_actions vs CREATE STATISTICS public.post_actions_liked_stat ON (voted_at IS NULL), (vote_is_upvote IS NULL) FROM post_actions',
        'statistics object public.post_actions_pair_stat exists only on the left',
      ]);
    },
    240_000,
  );
});
