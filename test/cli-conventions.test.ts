/**
 * The conventions ESLint users expect, through the built CLI: exit codes (a parse error is a
 * finding: 1; usage errors: 2), -o, --quiet, -h, -v, "did you mean", --max-warnings saying why
 * it failed, FORCE_COLOR / NO_COLOR, and options named only as documented.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { miglint, places } from './support/built-cli.js';

const SLOW = { timeout: 120_000 };
const folders: string[] = [];
afterAll(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = writeFolder(files);
  folders.push(dir);
  return dir;
}

/** One error (a duplicate table) and one warning (a table without a primary key). */
const MIXED = {
  'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE notes (body text);\n',
  'migrations/002_users_again.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
};
const WARNING_ONLY = { 'migrations/001_notes.sql': 'CREATE TABLE notes (body text);\n' };

describe.concurrent('exit codes', SLOW, () => {
  it('a file that does not parse is a finding: exit 1, or 0 when parse-error is configured as a warning', async () => {
    const dir = folder({ 'migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLEX b;\n' });
    const run = await miglint(dir, ['lint', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(places(run)).toEqual(['migrations/001_a.sql:2 parse-error']);
    const asWarning = folder({ ...{ 'migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLEX b;\n' }, 'miglint.config.json': '{ "rules": { "parse-error": "warning" } }' });
    expect((await miglint(asWarning, ['lint'])).status).toBe(0);
  });

  it('usage errors exit 2: an unknown option, a bad value, a bad config', async () => {
    const dir = folder(MIXED);
    expect((await miglint(dir, ['lint', '--nope'])).status).toBe(2);
    expect((await miglint(dir, ['lint', '--format', 'xml'])).status).toBe(2);
    expect((await miglint(folder({ ...MIXED, 'miglint.config.json': '{ "rules": { "nope": "error" } }' }), ['lint'])).status).toBe(2);
  });

  it('the help says what the exit codes mean', async () => {
    const run = await miglint(folder(MIXED), ['-h']);
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'Exit codes: 0 no errors; 1 findings at error level (a file that does not parse is one) or more warnings than --max-warnings; 2 a usage or configuration error, or miglint could not run.',
    );
  });
});

describe.concurrent('options', SLOW, () => {
  it('-o writes the report to a file, nothing to stdout, same exit code; an unwritable target exits 2 and leaves nothing behind', async () => {
    const dir = folder(MIXED);
    const toStdout = await miglint(dir, ['lint', '--format', 'json']);
    const run = await miglint(dir, ['lint', '--format', 'json', '-o', 'report.json']);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(toStdout.stdout);
    const long = await miglint(dir, ['lint', '--output-file', 'report.txt']);
    expect(long.status).toBe(1);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toMatch(/✖ 2 problems \(1 error, 1 warning, 0 info\)/);

    const bad = await miglint(dir, ['lint', '-o', 'no/such/folder/report.json']);
    expect(bad).toEqual({ status: 2, stdout: '', stderr: `miglint: Cannot write ${path.join(dir, 'no/such/folder/report.json')}: ENOENT\n` });
    expect(readdirSync(dir).sort()).toEqual(['migrations', 'report.json', 'report.txt']);
  });

  it('--quiet reports errors only', async () => {
    const dir = folder(MIXED);
    expect(places(await miglint(dir, ['lint', '--format', 'json']))).toEqual(['migrations/001_users.sql:2 no-primary-key', 'migrations/002_users_again.sql:1 duplicate-create-table']);
    const quiet = await miglint(dir, ['lint', '--format', 'json', '--quiet']);
    expect(quiet.status).toBe(1);
    expect(places(quiet)).toEqual(['migrations/002_users_again.sql:1 duplicate-create-table']);
    expect((await miglint(folder(WARNING_ONLY), ['lint', '--quiet', '--max-warnings', '0'])).status).toBe(0);
  });

  it('says so when --max-warnings fails the run, on stderr so that stdout stays the report', async () => {
    const dir = folder(WARNING_ONLY);
    const run = await miglint(dir, ['lint', '--format', 'json', '--max-warnings', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('miglint: 1 warning, more than --max-warnings 0 allows: exit code 1.\n');
    expect(places(run)).toEqual(['migrations/001_notes.sql:1 no-primary-key']);
    expect(await miglint(dir, ['lint', '--max-warnings', '1'])).toMatchObject({ status: 0, stderr: '' });
  });

  it('-h and -v', async () => {
    const dir = folder(MIXED);
    const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(await miglint(dir, ['-v'])).toEqual({ status: 0, stdout: `${version.version}\n`, stderr: '' });
    const help = await miglint(dir, ['lint', '-h']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--since/);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(default: the first of supabase/migrations, migrations, db/migrations that exists)');
  });

  it('"did you mean" for a mistyped command; a word that is no command and no folder is still a missing folder', async () => {
    const dir = folder(MIXED);
    expect(await miglint(dir, ['lnit'])).toEqual({ status: 2, stdout: '', stderr: 'miglint: Unknown command "lnit". Did you mean "init"? (Commands: lint, init, rules, schema, baseline, verify.)\n' });
    expect(await miglint(dir, ['baselin', 'migrations'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Did you mean "baseline"?') });
    expect(await miglint(dir, ['somewhere/else'])).toEqual({ status: 2, stdout: '', stderr: 'miglint: No such folder: somewhere/else\n' });
    expect((await miglint(dir, ['migrations', '--format', 'json'])).status).toBe(1);
  });

  it('options are named as documented: no camelCase twins in errors, and camelCase spellings are not accepted', async () => {
    const dir = folder(MIXED);
    expect(await miglint(dir, ['lint', '--max-warnigns', '3'])).toEqual({ status: 2, stdout: '', stderr: 'miglint: Unknown argument: max-warnigns\n' });
    expect(await miglint(dir, ['lint', '--maxWarnings', '3'])).toEqual({ status: 2, stdout: '', stderr: 'miglint: Unknown argument: maxWarnings\n' });
    expect((await miglint(dir, ['lint', '--help'])).stdout).not.toMatch(/maxWarnings|outputFile|suppressAll/);
  });
});

describe.concurrent('colour', SLOW, () => {
  const ESC = '\x1b[';
  it('FORCE_COLOR forces it (over NO_COLOR), FORCE_COLOR=0 and NO_COLOR turn it off, --no-color wins over all', async () => {
    const dir = folder(MIXED);
    const run = (env: Record<string, string>, ...args: string[]) => miglint(dir, ['lint', ...args], env);
    expect((await run({ FORCE_COLOR: '1' })).stdout).toContain(ESC);
    expect((await run({ FORCE_COLOR: '', NO_COLOR: '1' })).stdout).toContain(ESC);
    expect((await run({ FORCE_COLOR: '0' })).stdout).not.toContain(ESC);
    expect((await run({ FORCE_COLOR: 'false' })).stdout).not.toContain(ESC);
    expect((await run({ FORCE_COLOR: '1' }, '--no-color')).stdout).not.toContain(ESC);
    expect((await run({ FORCE_COLOR: '1' }, '-o', 'out.txt')).stdout).toBe('');
    expect(existsSync(path.join(dir, 'out.txt')) && readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toContain(ESC);
  });
});
