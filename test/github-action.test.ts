/** The GitHub Action's script, run locally as the runner runs it, with a fake $GITHUB_STEP_SUMMARY. */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintArgs } from '../src/github-action.js';
import { writeFolder } from './support/rule-tester.js';
import { gitInit, ROOT, SLOW, type Run } from './support/run-cli.js';

const SCRIPT = path.join(ROOT, 'scripts', 'github-action.mjs');

function action(cwd: string, env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_') && !key.startsWith('INPUT_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT], { cwd, encoding: 'utf8', env: { ...base, MIGLINT_CACHE: 'off', ...env } }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

describe('GitHub Action script', () => {
  let repo: string;
  const summary = () => path.join(repo, 'summary.md');
  beforeAll(() => {
    repo = writeFolder({
      'db/migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\n',
      'db/migrations/002_b.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n',
      'warn/migrations/001_a.sql': 'CREATE TABLE a (id int);\n',
    });
    gitInit(repo);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('annotates, appends the markdown report to the job summary, and fails on errors', SLOW, async () => {
    const run = await action(repo, {
      INPUT_DIR: 'db/migrations',
      GITHUB_STEP_SUMMARY: summary(),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'abc123',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=db\/migrations\/002_b\.sql,line=1,col=1,title=miglint duplicate-create-table::/);
    const text = readFileSync(summary(), 'utf8');
    expect(text).toMatch(/^## miglint\n\n\*\*1 problem\*\* \(1 error/);
    expect(text).toContain('- 🔴 [line 1](https://github.com/acme/app/blob/abc123/db/migrations/002_b.sql#L1) ');
    rmSync(summary());
  });

  it('fail-on: never passes with errors; warning fails on warnings that error lets through', SLOW, async () => {
    expect((await action(repo, { INPUT_DIR: 'db/migrations', INPUT_FAIL_ON: 'never', GITHUB_STEP_SUMMARY: summary() })).status).toBe(0);
    expect(readFileSync(summary(), 'utf8')).toContain('duplicate-create-table');
    rmSync(summary());
    const lenient = await action(repo, { INPUT_DIR: 'warn/migrations', GITHUB_STEP_SUMMARY: summary() });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^::warning file=warn\/migrations\/001_a\.sql,line=1,col=1,title=miglint no-primary-key::/);
    expect((await action(repo, { INPUT_DIR: 'warn/migrations', INPUT_FAIL_ON: 'warning', GITHUB_STEP_SUMMARY: summary() })).status).toBe(1);
    // Each run appends, as every step's summary does.
    expect(readFileSync(summary(), 'utf8').match(/^## miglint$/gm)).toHaveLength(2);
    rmSync(summary());
  });

  it('fails, and says why in the summary, when miglint cannot lint', SLOW, async () => {
    const run = await action(repo, { INPUT_DIR: 'nowhere', INPUT_FAIL_ON: 'never', GITHUB_STEP_SUMMARY: summary() });
    expect(run.status).toBe(2);
    expect(readFileSync(summary(), 'utf8')).toBe('## miglint\n\n❌ miglint could not lint:\n\n```\nmiglint: No such folder: nowhere\n```\n');
    rmSync(summary());
    const bad = await action(repo, { INPUT_DIR: 'db/migrations', INPUT_FAIL_ON: 'sometimes' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('::error title=miglint::fail-on must be one of error, warning, never, not "sometimes"\n');
  });

  it('since: only findings in files changed since the ref; a ref git does not know fails the step', SLOW, async () => {
    const dir = writeFolder({ 'migrations/001_a.sql': 'CREATE TABLE a (id int);\n' });
    try {
      gitInit(dir);
      execFileSync('git', ['checkout', '-q', '-b', 'feature'], { cwd: dir });
      writeFileSync(path.join(dir, 'migrations/002_b.sql'), 'CREATE TABLE b (id int);\n');
      const run = await action(dir, { INPUT_SINCE: 'main', INPUT_FAIL_ON: 'warning', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') });
      expect(run.stdout).toBe('::warning file=migrations/002_b.sql,line=1,col=1,title=miglint no-primary-key::Table "b" has no primary key.\n');
      expect(run.status).toBe(1);
      expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('| `no-primary-key` | 🟡 warning | 1 |');
      const unknown = await action(dir, { INPUT_SINCE: 'no-such-ref', INPUT_FAIL_ON: 'never' });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('no-such-ref');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes since and the warning limit on to lint', () => {
    expect(lintArgs({ dir: 'supabase/migrations', since: 'origin/main', failOn: 'warning' })).toEqual([
      'lint',
      'supabase/migrations',
      '--since',
      'origin/main',
      '--max-warnings',
      '0',
    ]);
    expect(lintArgs({ dir: '', since: '', failOn: 'error' })).toEqual(['lint']);
  });

  it('action.yml hands every input to the script, which reads each', () => {
    const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const inputs = [...(yml.split(/^runs:/m)[0] ?? '').matchAll(/^  ([a-z-]+):$/gm)].map((match) => match[1]!);
    expect(inputs).toEqual(['dir', 'since', 'fail-on']);
    for (const input of inputs) {
      const variable = `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
      expect(yml).toContain(`${variable}: \${{ inputs.${input} }}`);
      expect(readFileSync(path.join(ROOT, 'src/github-action.ts'), 'utf8')).toContain(`env.${variable}`);
    }
    expect(yml).toContain('run: node "$GITHUB_ACTION_PATH/scripts/github-action.mjs"');
  });
});
