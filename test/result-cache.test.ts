import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_ENV } from '../src/cache/parse-cache.js';
import { lintCommand } from '../src/commands/lint.js';
import { discover } from '../src/discover/index.js';
import type { LintResult } from '../src/lint/engine.js';
import { lintResultKey, ResultCache, type LintInputs } from '../src/cache/result-cache.js';
import { writeFolder } from './support/rule-tester.js';
import { scratchFolders } from './support/scratch.js';

const scratch = scratchFolders();

function folder(files: Record<string, string>): string {
  const dir = writeFolder(files);
  scratch.push(dir);
  return dir;
}

const FILES = {
  '001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\n',
  '002_b.sql': 'CREATE TABLE a (id int PRIMARY KEY);\n',
};

function inputs(dir: string, change: Partial<LintInputs> = {}): LintInputs {
  return {
    cwd: dir,
    discovery: discover(dir, { cwd: dir }),
    ruleSettings: undefined,
    preset: undefined,
    ...change,
  };
}

describe('lintResultKey', () => {
  it('is the same for the same inputs and differs when anything a result depends on differs', () => {
    const dir = folder(FILES);
    const key = lintResultKey(inputs(dir));
    expect(lintResultKey(inputs(dir))).toBe(key);

    const others = [
      lintResultKey(inputs(dir, { cwd: path.dirname(dir) })),
      lintResultKey(inputs(dir, { discovery: discover(dir, { cwd: dir, layout: 'goose' }) })),
      lintResultKey(inputs(dir, { ruleSettings: { 'duplicate-create-table': 'warning' } })),
      lintResultKey(inputs(dir, { ruleSettings: { 'patch-chain': ['warning', { threshold: 5 }] } })),
      lintResultKey(inputs(dir, { ruleSettings: { 'unused-disable': 'off' } })),
      lintResultKey(inputs(dir, { preset: 'supabase' })),
    ];
    writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id int PRIMARY KEY);\n');
    others.push(lintResultKey(inputs(dir)));
    writeFileSync(path.join(dir, '003_c.sql'), '');
    others.push(lintResultKey(inputs(dir)));
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('ResultCache', () => {
  it('returns what was stored, and null for a missing or damaged entry or when caching is off', () => {
    const root = folder({});
    const cache = ResultCache.open(root, { [CACHE_ENV]: root })!;
    const result: LintResult = {
      files: 1,
      statements: 2,
      findings: [{ ruleId: 'empty-migration', severity: 'warning', message: 'm', file: 'a.sql', line: 1, column: 1, related: [], suggestion: 's' }],
      ruleFailures: [{ ruleId: 'x', message: 'boom' }],
    };
    expect(cache.get('k')).toBeNull();
    cache.put('k', result);
    expect(cache.get('k')).toEqual(result);
    writeFileSync(path.join(root, 'results', 'k.json'), '{"format":1,"res');
    expect(cache.get('k')).toBeNull();
    expect(ResultCache.open(root, { [CACHE_ENV]: 'off' })).toBeNull();
  });

  it('keeps only the newest results', () => {
    const root = folder({});
    const cache = ResultCache.open(root, { [CACHE_ENV]: root })!;
    const result: LintResult = { files: 0, statements: 0, findings: [], ruleFailures: [] };
    for (let index = 0; index < 20; index++) cache.put(`k${index}`, result);
    expect(readdirSync(path.join(root, 'results')).length).toBe(16);
  });
});

describe('lint with the result cache', () => {
  async function lint(dir: string, config?: string): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const output = { stdout: (text: string) => void (stdout += text), stderr: () => undefined };
    const code = await lintCommand({ dir, format: 'json', color: false, config }, output);
    return { code, stdout };
  }

  // The key holds the rule settings as written, not the rules resolved from them: a setting
  // the rules would refuse must never be answered from a result stored under a good one.
  it('refuses an unknown rule or bad options in the configuration after a cached run', async () => {
    const dir = folder(FILES);
    const root = folder({});
    process.env[CACHE_ENV] = root;
    const config = path.join(dir, 'miglint.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'patch-chain': ['warning', { threshold: 5 }] } }));
    expect((await lint(dir, config)).code).toBe(1);
    expect((await lint(dir, config)).code).toBe(1);
    writeFileSync(config, JSON.stringify({ rules: { 'patch-chain': ['warning', { threshold: 'five' }] } }));
    await expect(lint(dir, config)).rejects.toThrow(/invalid options for rule "patch-chain"/);
    writeFileSync(config, JSON.stringify({ rules: { 'patch-chian': 'warning' } }));
    await expect(lint(dir, config)).rejects.toThrow(/unknown rule "patch-chian" \(did you mean "patch-chain"\?\)/);
  });

  it('serves an unchanged folder from the stored result, and recomputes when a file changes', async () => {
    const dir = folder(FILES);
    const root = folder({});
    process.env[CACHE_ENV] = root;
    const cold = await lint(dir);
    expect(cold.code).toBe(1);
    expect(JSON.parse(cold.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('duplicate-create-table');

    const [entry] = readdirSync(path.join(root, 'results'));
    const stored = path.join(root, 'results', entry!);
    const marked = JSON.parse(readFileSync(stored, 'utf8')) as { result: LintResult };
    marked.result.statements = 99;
    writeFileSync(stored, JSON.stringify(marked));
    expect(JSON.parse((await lint(dir)).stdout).statements).toBe(99);

    writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id int PRIMARY KEY);\n');
    const changed = await lint(dir);
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ statements: 2, findings: [] });
  });
});
