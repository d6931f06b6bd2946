import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/lint/engine.js';
import { loadFormatter } from '../src/format/index.js';
import { formatMarkdown } from '../src/format/markdown.js';
import { sarifLog } from '../src/format/sarif.js';
import { webAddress } from '../src/package-info.js';
import { ROOT as REPOSITORY } from './support/run-cli.js';

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
  it('json keeps the public contract', async () => {
    const parsed = JSON.parse((await loadFormatter('json'))(result, { color: false }));
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

  it('github annotations escape properties and data', async () => {
    const lines = (await loadFormatter('github'))(result, { color: false }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=migrations/002_b%2Cc.sql,line=4,col=2,title=miglint duplicate-create-table::Table "a" is created again, 100%25 sure: really%0Amigrations/001_a.sql:1 "a" first created here',
      '::notice file=migrations/003_c.sql,line=1,col=1,title=miglint empty-migration::empty',
    ]);
  });

  it('sarif maps severities to levels and keeps related locations', async () => {
    const sarif = JSON.parse((await loadFormatter('sarif'))(result, { color: false, cwd: REPOSITORY }));
    expect(sarif.version).toBe('2.1.0');
    const [first, second] = sarif.runs[0].results;
    expect(first.level).toBe('error');
    expect(second.level).toBe('note');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'migrations/002_b,c.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 2 },
    });
    expect(first.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'duplicate-create-table',
      'empty-migration',
    ]);
  });

  it('sarif escapes brackets in messages, so that only its links to related places are links', async () => {
    const bracketed: LintResult = {
      ...result,
      findings: [{ ...result.findings[0]!, message: 'Column "tags" text[] is [odd](2)', related: [{ file: 'migrations/001_a.sql', line: 1, message: 'first [here]' }] }],
    };
    const [only] = JSON.parse((await loadFormatter('sarif'))(bracketed, { color: false, cwd: REPOSITORY })).runs[0].results;
    expect(only.message.text).toBe('Column "tags" text\\[\\] is \\[odd\\](2) See [first \\[here\\]](1).');
    expect(only.relatedLocations[0].message.text).toBe('first \\[here\\]');
  });

  it('sarif scores security rules for code scanning\'s severity bands, and only those', () => {
    const security: LintResult = { ...result, findings: [{ ...result.findings[1]!, ruleId: 'rls-disabled-in-public', severity: 'error' }, result.findings[0]!] };
    const rules = sarifLog(security, REPOSITORY).runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => [rule.id, rule.properties?.['security-severity'], rule.properties?.tags])).toEqual([
      ['duplicate-create-table', undefined, ['sql', 'postgresql', 'history']],
      ['rls-disabled-in-public', '8.0', ['sql', 'postgresql', 'security']],
    ]);
  });

  it('sarif links each rule to its docs page in the repository package.json names', () => {
    const log = sarifLog(result, REPOSITORY, { version: '1.2.3', repositoryUrl: webAddress('git+https://github.com/acme/miglint.git') });
    expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.helpUri)).toEqual([
      'https://github.com/acme/miglint/blob/HEAD/docs/rules/duplicate-create-table.md',
      'https://github.com/acme/miglint/blob/HEAD/docs/rules/empty-migration.md',
    ]);
    expect(log.runs[0]!.tool.driver.version).toBe('1.2.3');
    expect(['github:acme/miglint', 'acme/miglint', 'git@github.com:acme/miglint.git'].map(webAddress)).toEqual(Array(3).fill('https://github.com/acme/miglint'));
    expect(webAddress('https://gitlab.com/acme/miglint')).toBeNull();
  });

  it('markdown: a table of rules, then findings by file with links to their lines', () => {
    const text = formatMarkdown(result, { cwd: REPOSITORY, docsRepositoryUrl: null });
    expect(text).toBe(
      [
        '## miglint',
        '',
        '**2 problems** (1 error, 0 warnings, 1 info) in 2 files, 3 statements.',
        '',
        '| Rule | Severity | Findings |',
        '| --- | --- | ---: |',
        '| `duplicate-create-table` | 🔴 error | 1 |',
        '| `empty-migration` | 🔵 info | 1 |',
        '',
        '### [migrations/002\\_b,c.sql](migrations/002_b%2Cc.sql)',
        '',
        '- 🔴 [line 4](migrations/002_b%2Cc.sql#L4) Table "a" is created again, 100% sure: really (`duplicate-create-table`)',
        '  - [migrations/001\\_a.sql:1](migrations/001_a.sql#L1) "a" first created here',
        '',
        '### [migrations/003\\_c.sql](migrations/003_c.sql)',
        '',
        '- 🔵 [line 1](migrations/003_c.sql#L1) empty (`empty-migration`)',
        '',
      ].join('\n'),
    );
  });

  it('markdown links to the commit from the repository root, and rules to their pages, when given where', () => {
    const sub = path.join(REPOSITORY, 'test');
    const text = formatMarkdown(result, { cwd: sub, linkBase: 'https://github.com/o/r/blob/abc/', docsRepositoryUrl: 'https://github.com/acme/miglint' });
    expect(text).toContain('| [`duplicate-create-table`](https://github.com/acme/miglint/blob/HEAD/docs/rules/duplicate-create-table.md) | 🔴 error | 1 |');
    expect(text).toContain('- 🔴 [line 4](https://github.com/o/r/blob/abc/test/migrations/002_b%2Cc.sql#L4) ');
  });

  it('markdown says when there is nothing, and escapes what would break its layout', () => {
    expect(formatMarkdown({ files: 1, statements: 1, findings: [], ruleFailures: [] })).toBe('## miglint\n\n✅ No problems in 1 file, 1 statement.\n');
    const odd: LintResult = { ...result, findings: [{ ...result.findings[1]!, message: 'a | b\n# c [d](e) `f`' }] };
    expect(formatMarkdown(odd, { docsRepositoryUrl: null })).toContain('[line 1](migrations/003_c.sql#L1) a \\| b \\# c \\[d\\](e) \\`f\\` (`empty-migration`)');
  });

  it('markdown stays under GitHub\'s comment size, errors first, and says how many it left out', () => {
    const many: LintResult = {
      files: 300,
      statements: 300,
      ruleFailures: [],
      findings: Array.from({ length: 900 }, (_, i) => ({
        ruleId: i % 3 === 2 ? 'duplicate-create-table' : 'no-primary-key',
        severity: i % 3 === 2 ? ('error' as const) : ('warning' as const),
        message: `Finding number ${i} with some words to make the line long enough to matter.`,
        file: `migrations/${String(Math.floor(i / 3)).padStart(3, '0')}_x.sql`,
        line: (i % 3) + 1,
        column: 1,
        related: [],
      })),
    };
    const text = formatMarkdown(many, { docsRepositoryUrl: null });
    expect(text.length).toBeLessThanOrEqual(60_000);
    const shown = text.match(/^- /gm)!.length;
    expect(text.match(/^- 🔴/gm)).toHaveLength(300);
    expect(text).toContain(`…and ${900 - shown} more findings, left out to keep this under GitHub's size limit`);
    expect(text).toContain('| `no-primary-key` | 🟡 warning | 600 |');
    // Within a file, findings keep their order.
    expect(text).toContain('### [migrations/000\\_x.sql](migrations/000_x.sql)\n\n- 🟡 [line 1]');
    expect(formatMarkdown(result, { docsRepositoryUrl: null })).not.toContain('left out');
  });

  it('stylish groups by file and counts by severity', async () => {
    const text = (await loadFormatter('stylish'))(result, { color: false });
    expect(text).toContain('migrations/002_b,c.sql\n  4:2  error    Table "a"');
    expect(text).toContain('✖ 2 problems (1 error, 0 warnings, 1 info) in 2 files, 3 statements');
  });
});
