/**
 * `lint --changed` and `lint --since <ref>` through the built CLI, in temporary git repositories:
 * the whole folder is replayed, and only findings located in the changed files are reported.
 */
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, gitRepo, miglint, places } from './support/built-cli.js';

const SLOW = { timeout: 120_000 };
const repos: string[] = [];
afterAll(() => repos.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Three committed migrations; 002 repeats 001's table, a finding in a file no branch touches. */
function repo(): string {
  const dir = gitRepo({
    'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);\n',
    'migrations/002_users_again.sql': 'CREATE TABLE users (id int PRIMARY KEY);\n',
    'migrations/003_posts.sql': 'CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id));\nCREATE INDEX ON posts (user_id);\n',
  });
  repos.push(dir);
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

const write = (dir: string, name: string, text: string) => writeFileSync(path.join(dir, name), text);

describe.concurrent('lint --since <ref>', SLOW, () => {
  it('reports only the findings in files added since the ref, committed or not, while reading the whole folder', async () => {
    const dir = repo();
    write(dir, 'migrations/004_comments.sql', 'ALTER TABLE comments ADD COLUMN body text;\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'comments');
    write(dir, 'migrations/005_tags.sql', 'CREATE TABLE posts (id int PRIMARY KEY);\n');
    const all = await miglint(dir, ['lint', '--format', 'json']);
    expect(places(all)).toContain('migrations/002_users_again.sql:1 duplicate-create-table');

    const run = await miglint(dir, ['lint', '--since', 'main', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(places(run)).toEqual(['migrations/004_comments.sql:1 missing-reference', 'migrations/005_tags.sql:1 duplicate-create-table']);
  });

  it('reports a renamed file under its new name, and nothing for a file deleted since the ref', async () => {
    const dir = repo();
    git(dir, 'mv', 'migrations/002_users_again.sql', 'migrations/002_users_twice.sql');
    git(dir, 'rm', '-q', 'migrations/003_posts.sql');
    git(dir, 'commit', '-q', '-m', 'rename and delete');
    const run = await miglint(dir, ['lint', '--since', 'main', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(places(run)).toEqual(['migrations/002_users_twice.sql:1 duplicate-create-table', 'migrations/002_users_twice.sql:1 identical-migration']);
  });

  it('exits 0 with no findings when nothing changed since the ref', async () => {
    const dir = repo();
    const run = await miglint(dir, ['lint', '--since', 'main']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no problems/);
  });

  it('counts changes on the branch only: a file added to the ref after the branch left it is not "changed"', async () => {
    const dir = repo();
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'migrations/004_dup.sql', 'CREATE TABLE users (id int PRIMARY KEY);\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'on main');
    git(dir, 'checkout', '-q', 'feature');
    const run = await miglint(dir, ['lint', '--since', 'main', '--format', 'json']);
    expect(places(run)).toEqual([]);
  });

  it('reports a version collision between an old file and a new one on the new file, whichever sorts first', async () => {
    const dir = repo();
    write(dir, 'migrations/003_audit.sql', 'CREATE TABLE audit (id int PRIMARY KEY);\n');
    const run = await miglint(dir, ['lint', '--since', 'main', '--format', 'json']);
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; message: string; related: { file: string }[] }[] }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.file, finding.message, finding.related.map((related) => related.file)])).toEqual([
      [
        'version-collision',
        'migrations/003_audit.sql',
        'Version 003 is also the version of 003_posts.sql; a runner applies only one of them, or refuses both.',
        ['migrations/003_posts.sql'],
      ],
    ]);
  });

  it('exits 2 with a clear message for a ref git does not know, and outside a git repository', async () => {
    const dir = repo();
    const run = await miglint(dir, ['lint', '--since', 'no-such-branch']);
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'miglint: --since: git knows no commit "no-such-branch" (a branch, tag or commit).\n' });
    rmSync(path.join(dir, '.git'), { recursive: true, force: true });
    const outside = await miglint(dir, ['lint', '--since', 'main']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^miglint: --since main needs a git repository, and .*migrations is not in one\.\n$/);
  });

  it('takes the folder from anywhere in the repository, paths shown from the current directory', async () => {
    const dir = repo();
    write(dir, 'migrations/004_dup.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    const run = await miglint(path.dirname(dir), ['lint', path.join(path.basename(dir), 'migrations'), '--since', 'main', '--format', 'json']);
    expect(places(run)).toEqual([`${path.basename(dir)}/migrations/004_dup.sql:1 duplicate-create-table`]);
  });
});

describe.concurrent('lint --changed', SLOW, () => {
  it('reports only the findings in staged files', async () => {
    const dir = repo();
    write(dir, 'migrations/004_dup.sql', 'CREATE TABLE users (id int PRIMARY KEY);\n');
    write(dir, 'migrations/005_dup.sql', 'CREATE TABLE posts (id int PRIMARY KEY);\n');
    git(dir, 'add', 'migrations/005_dup.sql');
    const run = await miglint(dir, ['lint', '--changed', '--format', 'json']);
    expect(places(run)).toEqual(['migrations/005_dup.sql:1 duplicate-create-table']);
  });

  it('shows a staged rename under its new name; a staged deletion reports nothing', async () => {
    const dir = repo();
    renameSync(path.join(dir, 'migrations/002_users_again.sql'), path.join(dir, 'migrations/002_users_v2.sql'));
    unlinkSync(path.join(dir, 'migrations/003_posts.sql'));
    git(dir, 'add', '-A');
    const run = await miglint(dir, ['lint', '--changed', '--format', 'json']);
    expect(places(run)).toEqual(['migrations/002_users_v2.sql:1 duplicate-create-table', 'migrations/002_users_v2.sql:1 identical-migration']);
  });

  it('is a usage error together with --since', async () => {
    const dir = repo();
    const run = await miglint(dir, ['lint', '--changed', '--since', 'main']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^miglint: --changed and --since cannot be used together/);
  });
});
