/**
 * Adopting miglint on a folder with history: `lint --suppress-all` accepts what is there in
 * miglint-suppressions.json (counts per file and rule, as ESLint 9's suppressions file), later
 * runs report only what is beyond it, stale entries are said and `--prune-suppressions` drops them.
 */
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { miglint, places } from './support/built-cli.js';

const SLOW = { timeout: 120_000 };
const folders: string[] = [];
afterAll(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = writeFolder({
    'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);\n',
    'migrations/002_users_again.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE users (id bigint PRIMARY KEY);\n',
    'migrations/003_posts.sql': 'CREATE TABLE posts (id int PRIMARY KEY);\n',
  });
  folders.push(dir);
  return dir;
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const write = (dir: string, name: string, text: string) => writeFileSync(path.join(dir, name), text);

describe.concurrent('lint --suppress-all, --prune-suppressions', SLOW, () => {
  it('--suppress-all accepts every finding, counted per file and rule; the next run is clean', async () => {
    const dir = project();
    const before = await miglint(dir, ['lint', '--format', 'json']);
    expect(places(before)).toEqual(['migrations/002_users_again.sql:1 duplicate-create-table', 'migrations/002_users_again.sql:2 duplicate-create-table']);

    const suppress = await miglint(dir, ['lint', '--suppress-all']);
    expect(suppress).toEqual({
      status: 0,
      stdout: '✔ 3 files, 4 statements: no problems\n',
      stderr: 'miglint: miglint-suppressions.json: accepted 2 findings in 1 file; later runs report only findings beyond them.\n',
    });
    expect(JSON.parse(read(dir, 'miglint-suppressions.json'))).toEqual({ 'migrations/002_users_again.sql': { 'duplicate-create-table': { count: 2 } } });
    expect(await miglint(dir, ['lint'])).toEqual({ status: 0, stdout: '✔ 3 files, 4 statements: no problems\n', stderr: '' });
  });

  it('reports a new file\'s findings, and every finding of a rule in a file once there are more than were accepted', async () => {
    const dir = project();
    await miglint(dir, ['lint', '--suppress-all']);
    write(dir, 'migrations/004_posts_again.sql', 'CREATE TABLE posts (id bigint PRIMARY KEY);\n');
    const added = await miglint(dir, ['lint', '--format', 'json']);
    expect(added.status).toBe(1);
    expect(places(added)).toEqual(['migrations/004_posts_again.sql:1 duplicate-create-table']);

    unlinkSync(path.join(dir, 'migrations/004_posts_again.sql'));
    write(dir, 'migrations/002_users_again.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE users (id text PRIMARY KEY);\n');
    const more = await miglint(dir, ['lint', '--format', 'json']);
    expect(more.status).toBe(1);
    expect(places(more)).toEqual([1, 2, 3].map((line) => `migrations/002_users_again.sql:${line} duplicate-create-table`));
  });

  it('says which accepted findings no longer occur, and --prune-suppressions drops them', async () => {
    const dir = project();
    await miglint(dir, ['lint', '--suppress-all']);
    write(dir, 'migrations/002_users_again.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    const stale = await miglint(dir, ['lint']);
    expect(stale).toEqual({
      status: 0,
      stdout: '✔ 3 files, 3 statements: no problems\n',
      stderr:
        'miglint: miglint-suppressions.json: accepted findings that no longer occur: migrations/002_users_again.sql duplicate-create-table (1 of 2). Run lint --prune-suppressions to drop them.\n',
    });
    const prune = await miglint(dir, ['lint', '--prune-suppressions']);
    expect(prune.status).toBe(0);
    expect(prune.stderr).toBe('miglint: miglint-suppressions.json: dropped 1 accepted findings that no longer occur.\n');
    expect(JSON.parse(read(dir, 'miglint-suppressions.json'))).toEqual({ 'migrations/002_users_again.sql': { 'duplicate-create-table': { count: 1 } } });

    unlinkSync(path.join(dir, 'migrations/002_users_again.sql'));
    await miglint(dir, ['lint', '--prune-suppressions']);
    expect(JSON.parse(read(dir, 'miglint-suppressions.json'))).toEqual({});
  });

  it('lives next to the config file, with paths relative to it, wherever lint runs from; other folders\' entries are kept', async () => {
    const dir = project();
    write(dir, 'miglint.config.json', '{ "migrationsDir": "migrations" }');
    write(dir, 'miglint-suppressions.json', JSON.stringify({ 'other/migrations/001_x.sql': { 'parse-error': { count: 1 } } }));
    const suppress = await miglint(path.join(dir, 'migrations'), ['lint', '--suppress-all']);
    expect(suppress.status).toBe(0);
    expect(suppress.stderr).toBe('miglint: ../miglint-suppressions.json: accepted 2 findings in 1 file; later runs report only findings beyond them.\n');
    expect(JSON.parse(read(dir, 'miglint-suppressions.json'))).toEqual({
      'migrations/002_users_again.sql': { 'duplicate-create-table': { count: 2 } },
      'other/migrations/001_x.sql': { 'parse-error': { count: 1 } },
    });
    expect((await miglint(dir, ['lint'])).status).toBe(0);
  });

  it('exits 2 naming the file when the suppressions file is not one', async () => {
    const dir = project();
    write(dir, 'miglint-suppressions.json', '{ "migrations/002_users_again.sql": { "duplicate-create-table": 2 } }');
    const run = await miglint(dir, ['lint']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^miglint: .*miglint-suppressions\.json: not a suppressions file \(at migrations\/002_users_again\.sql\.duplicate-create-table: .*\); expected \{ "<file>": \{ "<rule>": \{ "count": <n> \} \} \}\n$/);
    expect(run.stdout).toBe('');
  });
});
