import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/engine.js';
import { FORMATTERS } from '../src/format/index.js';

const result: LintResult = {
  files: 2,
  statements: 3,
  ruleFailures: [],
  findings: [
    {
      ruleId: 'duplicate-create-table',
      severity: 'error',
      message: 'Table "a" is created again, 100% sure: really',
      file: 'migrations/002_b,c.sql',
      line: 4,
      column: 2,
      related: [{ file: 'migrations/001_a.sql', line: 1, message: '"a" first created here' }],
    },
    { ruleId: 'empty-migration', severity: 'info', message: 'empty', file: 'migrations/003_c.sql', line: 1, column: 1, related: [] },
  ],
};

describe('formats', () => {
  it('json keeps the public contract', () => {
    const parsed = JSON.parse(FORMATTERS.json(result, { color: false }));
    expect(Object.keys(parsed)).toEqual(['files', 'statements', 'findings']);
    expect(parsed.findings[0]).toEqual({
      ruleId: 'duplicate-create-table',
      severity: 'error',
      message: 'Table "a" is created again, 100% sure: really',
      file: 'migrations/002_b,c.sql',
      line: 4,
      column: 2,
      related: [{ file: 'migrations/001_a.sql', line: 1, message: '"a" first created here' }],
    });
  });

  it('github annotations escape properties and data', () => {
    const lines = FORMATTERS.github(result, { color: false }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=migrations/002_b%2Cc.sql,line=4,col=2,title=miglint duplicate-create-table::Table "a" is created again, 100%25 sure: really%0Amigrations/001_a.sql:1 "a" first created here',
      '::notice file=migrations/003_c.sql,line=1,col=1,title=miglint empty-migration::empty',
    ]);
  });

  it('sarif maps severities to levels and keeps related locations', () => {
    const sarif = JSON.parse(FORMATTERS.sarif(result, { color: false }));
    expect(sarif.version).toBe('2.1.0');
    const [first, second] = sarif.runs[0].results;
    expect(first.level).toBe('error');
    expect(second.level).toBe('note');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'migrations/002_b,c.sql' },
      region: { startLine: 4, startColumn: 2 },
    });
    expect(first.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'duplicate-create-table',
      'empty-migration',
    ]);
  });

  it('stylish groups by file and counts by severity', () => {
    const text = FORMATTERS.stylish(result, { color: false });
    expect(text).toContain('migrations/002_b,c.sql\n  4:2  error    Table "a"');
    expect(text).toContain('✖ 2 problems (1 error, 0 warnings, 1 info) in 2 files, 3 statements');
  });
});
