/**
 * The pre-commit hook as a user gets it: pre-commit installs this repository (a copy of its
 * files, committed in a throwaway git repository) into a fresh project and runs it on commit.
 * A commit adding a migration whose version collides is refused with the finding; a clean one
 * passes. Needs the `pre-commit` program (.ci/run installs Debian's); skipped without it,
 * except in CI.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The repository as pre-commit clones it: what is committed, without node_modules/ or dist/. */
const REPOSITORY_FILES = ['package.json', 'package-lock.json', '.npmrc', '.pre-commit-hooks.yaml', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'rules', 'scripts/bundle-cli.mjs'];

const HAS_PRE_COMMIT = spawnSync('pre-commit', ['--version']).status === 0;

interface Run {
  status: number;
  output: string;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'miglint-pre-commit-'));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  PRE_COMMIT_HOME: path.join(scratch, 'cache'),
  GIT_AUTHOR_NAME: 'user',
  GIT_AUTHOR_EMAIL: 'user@example.com',
  GIT_COMMITTER_NAME: 'user',
  GIT_COMMITTER_EMAIL: 'user@example.com',
  NO_COLOR: '1',
};

function run(cwd: string, command: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, output: stdout + stderr });
    });
  });
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await run(cwd, 'git', ...args);
  expect(result.status, result.output).toBe(0);
  return result.output.trim();
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!HAS_PRE_COMMIT && !process.env.CI)('the pre-commit hook', () => {
  it('installs from the repository, refuses a commit whose new migration collides, and passes a clean one', { timeout: 600_000 }, async () => {
    const repository = path.join(scratch, 'miglint');
    for (const entry of REPOSITORY_FILES) cpSync(path.join(ROOT, entry), path.join(repository, entry), { recursive: true });
    await git(repository, 'init', '-q', '.');
    await git(repository, 'add', '.');
    await git(repository, 'commit', '-q', '-m', 'miglint');
    const rev = await git(repository, 'rev-parse', 'HEAD');

    const project = path.join(scratch, 'my-app');
    const migrations = path.join(project, 'migrations');
    mkdirSync(migrations, { recursive: true });
    await git(project, 'init', '-q', '.');
    writeFileSync(path.join(migrations, '001_users.sql'), 'CREATE TABLE users (id int PRIMARY KEY);\n');
    writeFileSync(
      path.join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${repository}\n    rev: ${rev}\n    hooks:\n      - id: miglint\n        files: ^migrations/\n`,
    );
    await git(project, 'add', '.');
    await git(project, 'commit', '-q', '-m', 'first migration');
    const installed = await run(project, 'pre-commit', 'install', '--install-hooks');
    expect(installed.status, installed.output).toBe(0);

    writeFileSync(path.join(migrations, '001_teams.sql'), 'CREATE TABLE teams (id int PRIMARY KEY);\n');
    await git(project, 'add', 'migrations');
    const refused = await run(project, 'git', 'commit', '-m', 'teams');
    expect(refused.status).toBe(1);
    // The collision is shown on the file the commit adds, though 001_teams.sql sorts first.
    expect(refused.output).toContain(
      'migrations/001_teams.sql\n' +
        '  1:1  error    Version 001 is also the version of 001_users.sql; a runner applies only one of them, or refuses both.  version-collision\n' +
        '                migrations/001_users.sql:1  also version 001\n',
    );
    expect(await git(project, 'rev-list', '--count', 'HEAD')).toBe('1');

    renameSync(path.join(migrations, '001_teams.sql'), path.join(migrations, '002_teams.sql'));
    await git(project, 'add', '-A', 'migrations');
    const passed = await run(project, 'git', 'commit', '-m', 'teams');
    expect(passed.output).toMatch(/miglint\.+Passed/);
    expect(passed.status).toBe(0);
    expect(await git(project, 'rev-list', '--count', 'HEAD')).toBe('2');
  });
});
