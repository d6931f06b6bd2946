import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/engine.js';
import { onlyFindingsIn } from '../../src/lint/only-files.js';
import type { Finding } from '../../src/rule.js';

const finding = (file: string, line: number, ruleId: string, otherSide?: Finding['otherSide']): Finding => ({
  ruleId,
  severity: 'error',
  message: ruleId,
  file,
  line,
  column: 1,
  related: [],
  ...(otherSide ? { otherSide } : {}),
});

describe('onlyFindingsIn', () => {
  it('keeps the given files findings, and shows a two-file finding on its given side, in line order', () => {
    const collision = finding('m/002_b.sql', 1, 'version-collision', { file: 'm/001_new.sql', line: 1, column: 1, message: 'other side', related: [] });
    const result: LintResult = {
      files: 3,
      statements: 3,
      ruleFailures: [],
      findings: [finding('m/001_new.sql', 2, 'data-in-migration'), collision, finding('m/002_b.sql', 4, 'no-primary-key')],
    };
    const kept = onlyFindingsIn(result, new Set(['m/001_new.sql']));
    expect(kept.findings.map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`)).toEqual([
      'm/001_new.sql:1 version-collision',
      'm/001_new.sql:2 data-in-migration',
    ]);
  });
});
