import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';

/**
 * Folders whose chains PostgreSQL partly rejects, or that rely on what the model once got wrong:
 * the baseline written from the model must still build the database the chain builds.
 */
describe('verify where the model once differed from PostgreSQL', () => {
  it(
    'rejected CREATE and ALTER TABLE, foreign key attributes, NOT VALID, REFERENCES without columns, defaults that need parentheses, transition tables',
    async () => {
      const analysis = await analyze(path.join(import.meta.dirname, 'fixtures/model-gaps'), { cache: false });
      const report = await verify({
        files: analysis.files,
        baseline: { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) },
        preset: analysis.preset,
      });
      expect(report.chainRejections.map((rejection) => `${path.basename(rejection.where)} ${rejection.message}`)).toEqual([
        '001_constraints.sql:5 relation "users" does not exist',
        '001_constraints.sql:6 relation "lost" does not exist',
        '001_constraints.sql:7 cannot use subquery in check constraint',
        '001_constraints.sql:8 relation "nope" does not exist',
        '001_constraints.sql:9 there is no unique constraint matching given keys for referenced table "a"',
      ]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    240_000,
  );
});
