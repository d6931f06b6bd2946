import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { compareVersions, parseMigrationName } from '../src/discover/filename.js';
import { defaultMigrationsDir, discover, toDisplayPath, type Discovery } from '../src/discover/index.js';
import { UsageError } from '../src/errors.js';
import { nodePgMigrateUp } from '../src/parse/sections.js';
import { writeFolder } from './support/rule-tester.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = writeFolder(files);
  folders.push(dir);
  return dir;
}

const NODE_PG_MIGRATE = fileURLToPath(new URL('./fixtures/node-pg-migrate/migrations', import.meta.url));

function discoverFiles(files: Record<string, string>, layout?: Discovery['layout']): Discovery {
  return discover('.', { cwd: folder(files), layout });
}

/** Names in runner order, with the version miglint read and whether it is replayed. */
function runnerOrder(discovery: Discovery): string[] {
  return discovery.files.map((file) => `${file.name} ${file.version ?? '-'}${file.replayed ? '' : ' (not replayed)'}`);
}

describe('parseMigrationName', () => {
  it('reads a Supabase 14-digit timestamp', () => {
    expect(parseMigrationName('20240115093000_create_profiles.sql')).toEqual({
      scheme: 'plain',
      version: '20240115093000',
      versionParts: ['20240115093000'],
      description: 'create_profiles',
      direction: null,
      repeatable: false,
      undo: false,
    });
  });

  it('reads zero-padded numbers with _ or - and strips the zeros for comparison', () => {
    expect(parseMigrationName('001_initial_schema.sql')).toMatchObject({
      scheme: 'plain',
      version: '001',
      versionParts: ['1'],
      description: 'initial_schema',
    });
    expect(parseMigrationName('0001-add-users.sql')).toMatchObject({
      scheme: 'plain',
      version: '0001',
      versionParts: ['1'],
      description: 'add-users',
    });
    expect(parseMigrationName('000_baseline.sql').versionParts).toEqual(['0']);
    expect(parseMigrationName('42.sql')).toMatchObject({ scheme: 'plain', version: '42', description: '' });
  });

  it('reads golang-migrate up and down files', () => {
    expect(parseMigrationName('000003_add_users.up.sql')).toMatchObject({
      scheme: 'golang-migrate',
      version: '000003',
      versionParts: ['3'],
      description: 'add_users',
      direction: 'up',
    });
    expect(parseMigrationName('3_add_users.DOWN.sql')).toMatchObject({ scheme: 'golang-migrate', direction: 'down' });
  });

  it('reads Flyway versioned, undo and repeatable scripts', () => {
    expect(parseMigrationName('V1_2__add_users.sql')).toMatchObject({
      scheme: 'flyway',
      version: '1_2',
      versionParts: ['1', '2'],
      description: 'add_users',
      undo: false,
      repeatable: false,
    });
    expect(parseMigrationName('V2.10.01__x.sql').versionParts).toEqual(['2', '10', '1']);
    expect(parseMigrationName('U1_2__add_users.sql')).toMatchObject({ scheme: 'flyway', version: '1_2', undo: true });
    expect(parseMigrationName('R__views.sql')).toMatchObject({
      scheme: 'flyway',
      version: null,
      versionParts: [],
      description: 'views',
      repeatable: true,
    });
  });

  it('reads Diesel folders, dashes removed from the version', () => {
    expect(parseMigrationName('2023-01-01-000000_create_posts/up.sql')).toMatchObject({
      scheme: 'diesel',
      version: '20230101000000',
      description: 'create_posts',
      direction: 'up',
    });
    expect(parseMigrationName('2023-01-01-000000_create_posts/down.sql')).toMatchObject({ direction: 'down' });
  });

  it('reads the counter Diesel 2.2 appends as a second version part, not as more digits', () => {
    expect(parseMigrationName('2025-09-19-132648-0000_theme/up.sql')).toMatchObject({
      scheme: 'diesel',
      version: '20250919132648',
      versionParts: ['20250919132648', '0'],
      description: 'theme',
    });
    const compare = (a: string, b: string) => Math.sign(compareVersions(parseMigrationName(a).versionParts, parseMigrationName(b).versionParts));
    expect(compare('2025-09-19-132648-0000_a/up.sql', '2025-09-19-132648-0001_b/up.sql')).toBe(-1);
    expect(compare('2025-09-19-132648-0000_a/up.sql', '2025-09-19-132648_b/up.sql')).toBe(0);
    expect(compare('2025-09-19-132648-0001_a/up.sql', '2025-09-19-132649-0000_b/up.sql')).toBe(-1);
    expect(parseMigrationName('00000000000000_diesel_initial_setup/up.sql')).toMatchObject({
      version: '00000000000000',
      versionParts: ['0'],
      description: 'diesel_initial_setup',
    });
  });

  it('gives names without a version no version', () => {
    expect(parseMigrationName('add-document-relationships.sql')).toEqual({
      scheme: 'none',
      version: null,
      versionParts: [],
      description: 'add-document-relationships',
      direction: null,
      repeatable: false,
      undo: false,
    });
    expect(parseMigrationName('V__no_version.sql').version).toBeNull();
    expect(parseMigrationName('v2_lowercase.sql').version).toBeNull();
    expect(parseMigrationName('seed/up.sql').version).toBeNull();
  });
});

describe('compareVersions', () => {
  const compare = (a: string, b: string) => Math.sign(compareVersions(parseMigrationName(a).versionParts, parseMigrationName(b).versionParts));

  it('compares as numbers, not text', () => {
    expect(compare('9_a.sql', '10_b.sql')).toBe(-1);
    expect(compare('0002_a.sql', '00010_b.sql')).toBe(-1);
    expect(compare('021_a.sql', '21_b.sql')).toBe(0);
    expect(compare('20240101000000_a.sql', '028_b.sql')).toBe(1);
  });

  it('compares numbers longer than a double holds exactly', () => {
    expect(compare('99999999999999999998_a.sql', '99999999999999999999_b.sql')).toBe(-1);
  });

  it('compares Flyway dotted versions part by part; missing parts are 0', () => {
    expect(compare('V1_9__a.sql', 'V1_10__b.sql')).toBe(-1);
    expect(compare('V2__a.sql', 'V1_10__b.sql')).toBe(1);
    expect(compare('V1__a.sql', 'V1_0__b.sql')).toBe(0);
    expect(compare('V1__a.sql', 'V1_0_1__b.sql')).toBe(-1);
  });
});

describe('discover', () => {
  it('orders numbered files numerically, then unversioned files by name', () => {
    const discovery = discoverFiles({
      '10_c.sql': '',
      '9_b.sql': '',
      '1_a.sql': '',
      'zz_notes.sql': '',
      'add-document-relationships.sql': '',
    });
    expect(discovery.layout).toBe('numbered');
    expect(runnerOrder(discovery)).toEqual([
      '1_a.sql 1',
      '9_b.sql 9',
      '10_c.sql 10',
      'add-document-relationships.sql -',
      'zz_notes.sql -',
    ]);
    expect(discovery.files.map((file) => file.order)).toEqual([0, 1, 2, 3, 4]);
  });

  it('breaks version ties by name', () => {
    const discovery = discoverFiles({ '021_b.sql': '', '21_a.sql': '', '021_a.sql': '' });
    expect(discovery.files.map((file) => file.name)).toEqual(['021_a.sql', '021_b.sql', '21_a.sql']);
  });

  it('detects timestamps and a Supabase folder', () => {
    const timestamps = { '20240101000000_a.sql': '', '20231231235959_b.sql': '' };
    const plain = discoverFiles(timestamps);
    expect(plain.layout).toBe('timestamp');
    expect(plain.files.map((file) => file.name)).toEqual(['20231231235959_b.sql', '20240101000000_a.sql']);

    const nested = folder(Object.fromEntries(Object.entries(timestamps).map(([name, sql]) => [`supabase/migrations/${name}`, sql])));
    const supabase = discover('supabase/migrations', { cwd: nested });
    expect(supabase.layout).toBe('supabase');
    expect(supabase.files.map((file) => file.path)).toEqual([
      'supabase/migrations/20231231235959_b.sql',
      'supabase/migrations/20240101000000_a.sql',
    ]);
  });

  it('orders a Supabase folder by name, as the Supabase CLI applies it; a timestamp folder by version', () => {
    const files = {
      '20250102000001_multi_tenant_schemas.sql': '',
      '20250108_hugo_love_schema_v1.sql': '',
      '20250114000002_create_apps.sql': '',
      '202501150001_twelve_digits.sql': '',
      '20250115000100_fourteen_digits.sql': '',
      '028_leftover.sql': '',
      'local_20240107152745_ollama.sql': '',
    };
    const supabase = discoverFiles(files, 'supabase');
    expect(runnerOrder(supabase)).toEqual([
      '028_leftover.sql 028',
      '20250102000001_multi_tenant_schemas.sql 20250102000001',
      '20250108_hugo_love_schema_v1.sql 20250108',
      '20250114000002_create_apps.sql 20250114000002',
      '20250115000100_fourteen_digits.sql 20250115000100',
      '202501150001_twelve_digits.sql 202501150001',
      'local_20240107152745_ollama.sql -',
    ]);
    expect(runnerOrder(discoverFiles(files, 'timestamp'))).toEqual([
      '028_leftover.sql 028',
      '20250108_hugo_love_schema_v1.sql 20250108',
      '202501150001_twelve_digits.sql 202501150001',
      '20250102000001_multi_tenant_schemas.sql 20250102000001',
      '20250114000002_create_apps.sql 20250114000002',
      '20250115000100_fourteen_digits.sql 20250115000100',
      'local_20240107152745_ollama.sql -',
    ]);
  });

  it('detects golang-migrate; down files are discovered but not replayed', () => {
    const discovery = discoverFiles({
      '000002_b.up.sql': '',
      '000002_b.down.sql': '',
      '000001_a.up.sql': '',
      '000001_a.down.sql': '',
      '000010_c.up.sql': '',
    });
    expect(discovery.layout).toBe('golang-migrate');
    expect(runnerOrder(discovery)).toEqual([
      '000001_a.down.sql 000001 (not replayed)',
      '000001_a.up.sql 000001',
      '000002_b.down.sql 000002 (not replayed)',
      '000002_b.up.sql 000002',
      '000010_c.up.sql 000010',
    ]);
  });

  it('treats a plain numbered file in a golang-migrate folder as unversioned', () => {
    const discovery = discoverFiles({ '001_a.up.sql': '', '001_a.down.sql': '', '002_b.sql': '' });
    expect(discovery.layout).toBe('golang-migrate');
    expect(runnerOrder(discovery)).toEqual(['001_a.down.sql 001 (not replayed)', '001_a.up.sql 001', '002_b.sql -']);
  });

  it('--layout forces the grammar: 001_x.sql is unversioned in a forced golang-migrate folder', () => {
    const files = { '001_x.sql': '', '002_y.sql': '' };
    expect(discoverFiles(files).layout).toBe('numbered');
    const forced = discoverFiles(files, 'golang-migrate');
    expect(forced.layout).toBe('golang-migrate');
    expect(runnerOrder(forced)).toEqual(['001_x.sql -', '002_y.sql -']);
    expect(forced.files.every((file) => file.scheme === 'none')).toBe(true);
  });

  it('--layout numbered reads golang-migrate names as a numbered runner does: every file, by its number', () => {
    const forced = discoverFiles({ '001_a.up.sql': '', '001_a.down.sql': '', '002_b.up.sql': '' }, 'numbered');
    expect(runnerOrder(forced)).toEqual(['001_a.down.sql 001', '001_a.up.sql 001', '002_b.up.sql 002']);
    expect(forced.files.map((file) => [file.scheme, file.direction])).toEqual([
      ['plain', null],
      ['plain', null],
      ['plain', null],
    ]);
    expect(parseMigrationName('001_a.up.sql', 'plain')).toMatchObject({ scheme: 'plain', version: '001', description: 'a.up' });
    expect(parseMigrationName('V1__a.sql', 'plain').scheme).toBe('none');
  });

  it('orders Flyway: versions numerically, repeatables last, undo scripts not replayed', () => {
    const discovery = discoverFiles({
      'R__views.sql': '',
      'V1_10__c.sql': '',
      'V1_9__b.sql': '',
      'V1__a.sql': '',
      'U1_9__b.sql': '',
      'sub/V2__nested.sql': '',
      'readme_notes.sql': '',
    });
    expect(discovery.layout).toBe('flyway');
    expect(runnerOrder(discovery)).toEqual([
      'V1__a.sql 1',
      'U1_9__b.sql 1_9 (not replayed)',
      'V1_9__b.sql 1_9',
      'V1_10__c.sql 1_10',
      'sub/V2__nested.sql 2',
      'readme_notes.sql -',
      'R__views.sql -',
    ]);
  });

  it('reads Diesel folders and ignores loose files in them', () => {
    const discovery = discoverFiles({
      '2023-01-15-103000_comments/up.sql': '',
      '2023-01-15-103000_comments/down.sql': '',
      '2023-01-01-000000_posts/up.sql': '',
      '2023-01-01-000000_posts/down.sql': '',
      'schema.sql': '',
    });
    expect(discovery.layout).toBe('diesel');
    expect(runnerOrder(discovery)).toEqual([
      '2023-01-01-000000_posts/down.sql 20230101000000 (not replayed)',
      '2023-01-01-000000_posts/up.sql 20230101000000',
      '2023-01-15-103000_comments/down.sql 20230115103000 (not replayed)',
      '2023-01-15-103000_comments/up.sql 20230115103000',
    ]);
  });

  it('ignores nested files in plain layouts, and node_modules and ignore globs', () => {
    const discovery = discover('.', {
      cwd: folder({ '001_a.sql': '', 'seeds/001_seed.sql': '', '002_scratch.sql': '', 'node_modules/x/001_y.sql': '' }),
      ignore: ['*scratch*'],
    });
    expect(discovery.files.map((file) => file.name)).toEqual(['001_a.sql']);
    expect(discovery.unplaced.map((file) => file.name)).toEqual(['seeds/001_seed.sql']);
  });

  it('detects goose and dbmate from their annotations', () => {
    expect(discoverFiles({ '20240101_a.sql': '-- +goose Up\nSELECT 1;\n' }).layout).toBe('goose');
    expect(discoverFiles({ '20240101_a.sql': '-- migrate:up\nSELECT 1;\n' }).layout).toBe('dbmate');
  });

  it('detects node-pg-migrate from its -- Up Migration comments, and gives each file as node-pg-migrate runs its up', () => {
    const discovery = discover(NODE_PG_MIGRATE);
    expect(discovery.layout).toBe('node-pg-migrate');
    expect(discovery.files.map((file) => [file.name, file.transactionMode])).toEqual([
      ['1700000000000_create_account.sql', 'transaction'],
      ['1700000000001_add_email_to_account.sql', 'transaction'],
    ]);
    const [create, addEmail] = discovery.files.map((file) => file.source!);
    expect(create.trimEnd()).toBe('-- Up Migration\nCREATE TABLE account (id int PRIMARY KEY, name text);');
    // What is not run becomes spaces, line breaks kept: every position still points into the file.
    expect(addEmail.split('\n').map((line) => line.trim())).toEqual(['', '', '-- Up Migration', 'ALTER TABLE account ADD COLUMN email text;', '', '', '']);
    expect(addEmail.length).toBe(readFileSync(path.join(NODE_PG_MIGRATE, '1700000000001_add_email_to_account.sql'), 'utf8').length);
  });

  it('runs a node-pg-migrate file as node-pg-migrate cuts it: no up comment, all of it; a down comment before the up comment, up to the end', () => {
    expect(nodePgMigrateUp('CREATE TABLE a (id int);\n-- Down Migration\nDROP TABLE a;\n')).toBe('CREATE TABLE a (id int);\n-- Down Migration\nDROP TABLE a;\n');
    expect(nodePgMigrateUp('-- down migration\nDROP TABLE a;\n--- UP MIGRATION\nCREATE TABLE a (id int);\n')).toBe(
      '                 \n             \n--- UP MIGRATION\nCREATE TABLE a (id int);\n',
    );
  });

  it('leaves -- Up Migration / -- Down Migration as comments in a Supabase folder, whose CLI runs what follows them', () => {
    const source = '-- Up Migration\ncreate table a (id int);\n-- Down Migration\ndrop table a;\n';
    const discovery = discover('supabase/migrations', { cwd: folder({ 'supabase/migrations/20240101000000_a.sql': source }) });
    expect(discovery.layout).toBe('supabase');
    expect(discovery.files[0]!.source).toBe(source);
  });

  it('does not take a folder for goose because one file in it has goose annotations', () => {
    const stray = { '20240101000000_a.sql': 'SELECT 1;', '20240102000000_b.sql': 'SELECT 1;', '20240103_c.sql': '-- +goose Up\nSELECT 1;' };
    expect(discoverFiles(stray).layout).toBe('timestamp');
    const goose = { '00001_a.sql': '-- +goose Up\nSELECT 1;', '00002_b.sql': '-- +goose Up\nSELECT 1;', '00003_c.sql': 'SELECT 1;' };
    expect(discoverFiles(goose).layout).toBe('goose');
  });

  it('gives display paths relative to cwd, /-separated, and absolute paths', () => {
    const root = folder({ 'db/migrations/001_a.sql': 'SELECT 1;' });
    const discovery = discover('db/migrations', { cwd: root });
    expect(discovery.dir).toBe(path.join(root, 'db', 'migrations'));
    expect(discovery.files[0]).toMatchObject({
      path: 'db/migrations/001_a.sql',
      name: '001_a.sql',
      absolutePath: path.join(root, 'db', 'migrations', '001_a.sql'),
      source: 'SELECT 1;',
      readError: null,
    });
    mkdirSync(path.join(root, 'app'));
    const fromSibling = discover('../db/migrations', { cwd: path.join(root, 'app') });
    expect(fromSibling.files[0]!.path).toBe('../db/migrations/001_a.sql');
  });

  it('strips a byte order mark', () => {
    const discovery = discoverFiles({ '001_a.sql': '\uFEFFCREATE TABLE a (id int);' });
    expect(discovery.files[0]!.source).toBe('CREATE TABLE a (id int);');
  });

  it('reports a file that is not UTF-8 as a read error, not a crash', () => {
    const dir = folder({ '001_a.sql': 'SELECT 1;' });
    writeFileSync(path.join(dir, '002_latin1.sql'), Buffer.from([0x2d, 0x2d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const [good, latin1] = discover('.', { cwd: dir }).files;
    expect(good).toMatchObject({ source: 'SELECT 1;', readError: null });
    expect(latin1).toMatchObject({ name: '002_latin1.sql', source: null, readError: 'file is not valid UTF-8 text' });
  });

  it('throws a UsageError for a missing folder or a file given as a folder', () => {
    const dir = folder({ '001_a.sql': '' });
    expect(() => discover('nope', { cwd: dir })).toThrow(new UsageError('No such folder: nope'));
    expect(() => discover('001_a.sql', { cwd: dir })).toThrow(new UsageError('Not a folder: 001_a.sql'));
  });
  it('reads the migrations folder of a project folder given in its place', () => {
    const root = folder({ 'app/supabase/migrations/20240101000000_a.sql': '', 'app/README.md': '' });
    const discovery = discover('app', { cwd: root });
    expect(discovery.dir).toBe(path.join(root, 'app', 'supabase', 'migrations'));
    expect(discovery.files.map((file) => file.path)).toEqual(['app/supabase/migrations/20240101000000_a.sql']);
  });
});

describe('defaultMigrationsDir', () => {
  it('prefers supabase/migrations, then migrations, then db/migrations', () => {
    const dir = folder({ 'supabase/migrations/.keep': '', 'migrations/.keep': '', 'db/migrations/.keep': '' });
    expect(defaultMigrationsDir(dir)).toBe('supabase/migrations');
    rmSync(path.join(dir, 'supabase'), { recursive: true });
    expect(defaultMigrationsDir(dir)).toBe('migrations');
    rmSync(path.join(dir, 'migrations'), { recursive: true });
    expect(defaultMigrationsDir(dir)).toBe('db/migrations');
    rmSync(path.join(dir, 'db'), { recursive: true });
    expect(defaultMigrationsDir(dir)).toBeNull();
    mkdirSync(path.join(dir, 'migrations'));
    expect(defaultMigrationsDir(dir)).toBe('migrations');
  });
});

describe('toDisplayPath', () => {
  it('is relative to cwd with / separators', () => {
    expect(toDisplayPath('/a/b', '/a/b/c/d.sql')).toBe('c/d.sql');
    expect(toDisplayPath('/a/b', '/a/x/d.sql')).toBe('../x/d.sql');
  });
});

describe('symbolic links and odd entries', () => {
  it('reads a linked file through its link, reports dangling links and loops, skips folders and FIFOs', () => {
    const dir = folder({ 'elsewhere/real.sql': 'CREATE TABLE a (id int PRIMARY KEY);' });
    const migrations = path.join(dir, 'migrations');
    mkdirSync(migrations);
    symlinkSync('../elsewhere/real.sql', path.join(migrations, '001_linked.sql'));
    symlinkSync('../nowhere.sql', path.join(migrations, '002_dangling.sql'));
    symlinkSync('003_loop.sql', path.join(migrations, '003_loop.sql'));
    mkdirSync(path.join(migrations, '004_folder.sql'));
    execFileSync('mkfifo', [path.join(migrations, '005_pipe.sql')]);
    symlinkSync('.', path.join(migrations, 'self'));

    const { files } = discover(migrations);
    expect(files.map((file) => [file.name, file.source !== null, file.readError])).toEqual([
      ['001_linked.sql', true, null],
      ['002_dangling.sql', false, 'broken symbolic link: its target does not exist'],
      ['003_loop.sql', false, 'symbolic link loop: the link points back to itself'],
    ]);
  });
});

/** What discover throws for a folder, or null when it finds migrations. */
function refusal(files: Record<string, string>, layout?: Discovery['layout']): string | null {
  try {
    discoverFiles(files, layout);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
}

describe('a folder with no migration is an error that says what is there', () => {
  it('an empty folder, a folder without .sql, a folder holding only a baseline', () => {
    expect(refusal({})).toBe('. is empty: there is no migration file to lint.');
    expect(refusal({ 'README.md': '# notes', 'schema.prisma': '' })).toBe(
      'No .sql file in . (it holds 2 other entries: README.md, schema.prisma). Give the folder that holds the migrations.',
    );
    expect(refusal({ '000_baseline_schema.sql': '-- miglint:baseline\nCREATE TABLE t (id int);\n' })).toBe(
      '. holds only 000_baseline_schema.sql, a baseline miglint wrote, and no migration file.',
    );
  });

  it('.sql files only in subfolders: one set, or several sets with their counts', () => {
    expect(refusal({ 'sql/001_a.sql': '', 'sql/002_b.sql': '' })).toBe('No migration file directly in .: 2 .sql files in sql/. Lint that folder: miglint lint sql');
    const sets = { 'tenant/0001-a.sql': '', 'tenant/0002-b.sql': '', 'tenant/0003-c.sql': '', 'multitenant/0001-x.sql': '', 'multitenant/0002-y.sql': '' };
    expect(refusal(sets)).toBe(
      'No migration file directly in .: 3 .sql files in tenant/, 2 in multitenant/: these look like two migration sets; lint each one (miglint lint tenant), or use --layout if one runner reads them all.',
    );
  });

  it('a layout given that places none of the files', () => {
    expect(refusal({ '001_a.sql': '' }, 'diesel')).toBe('1 .sql file in ., but none is a diesel migration (the layout given). Use --layout to choose another layout.');
  });
});

describe('Prisma', () => {
  it('detects migration_lock.toml; folders apply in name order, two with one timestamp both apply; a loose script is unplaced', () => {
    const discovery = discoverFiles({
      'migration_lock.toml': 'provider = "postgresql"\n',
      '20240215093000_add_posts/migration.sql': '',
      '20240101120000_init/migration.sql': '',
      '20240215093000_add_comments/migration.sql': '',
      'scripts/backfill.sql': '',
      'seed.sql': '',
    });
    expect([discovery.layout, discovery.layoutReason]).toEqual(['prisma', 'migration_lock.toml']);
    expect(runnerOrder(discovery)).toEqual([
      '20240101120000_init/migration.sql 20240101120000',
      '20240215093000_add_comments/migration.sql 20240215093000',
      '20240215093000_add_posts/migration.sql 20240215093000',
    ]);
    expect(discovery.unplaced.map((file) => file.name)).toEqual(['scripts/backfill.sql', 'seed.sql']);
  });

  it('detects the folders without a lock file, and reads a baseline folder without a timestamp (0_init)', () => {
    const discovery = discoverFiles({ '0_init/migration.sql': '', '20240101120000_a/migration.sql': '', '20240102120000_b/migration.sql': '' });
    expect(discovery.layout).toBe('prisma');
    expect(runnerOrder(discovery)).toEqual(['0_init/migration.sql 0', '20240101120000_a/migration.sql 20240101120000', '20240102120000_b/migration.sql 20240102120000']);
  });
});

describe('drizzle-kit', () => {
  const journal = (...tags: string[]) => JSON.stringify({ version: '7', dialect: 'postgresql', entries: tags.map((tag, idx) => ({ idx, tag, when: idx, breakpoints: true })) });

  it("applies the journal's entries in its order; a file it does not list is unplaced; an entry without its file is a runner issue", () => {
    const discovery = discoverFiles({
      'meta/_journal.json': journal('0000_init', '0002_late', '0001_users', '0003_lost'),
      '0000_init.sql': '',
      '0001_users.sql': '',
      '0002_late.sql': '',
      '0004_orphan.sql': '',
    });
    expect(discovery.layout).toBe('drizzle');
    expect(runnerOrder(discovery)).toEqual(['0000_init.sql 0000', '0002_late.sql 0002', '0001_users.sql 0001']);
    expect(discovery.unplaced.map((file) => file.name)).toEqual(['0004_orphan.sql']);
    expect(discovery.runnerIssues).toEqual([
      { path: 'meta/_journal.json', line: 1, message: 'The journal lists "0003_lost", but 0003_lost.sql is not in the folder: drizzle-kit\'s migrate stops there.' },
    ]);
  });

  it('a journal that is not JSON is a runner issue, and then nothing applies', () => {
    expect(refusal({ 'meta/_journal.json': '{ oops', '0000_init.sql': '' })).toMatch(/^1 \.sql file in \., but none is a drizzle migration/);
  });
});

describe('sqitch', () => {
  const plan = [
    '%syntax-version=1.0.0',
    '%project=flipr',
    '',
    'appschema 2024-01-10T10:00:00Z Marge <m@example.com> # schema',
    'users [appschema] 2024-01-10T10:05:00Z Marge <m@example.com> # users',
    '@v1.0 2024-01-12T12:00:00Z Marge <m@example.com> # tag',
    '',
    'users [users@v1.0] 2024-01-15T08:00:00Z Marge <m@example.com> # rework users',
    'flips 2024-01-16T08:00:00Z Marge <m@example.com> # flips',
  ].join('\n');

  it("deploys in the plan's order (a reworked change's first deploy from its @tag copy); revert and verify are known, not replayed", () => {
    const discovery = discoverFiles({
      'sqitch.plan': plan,
      'deploy/appschema.sql': '',
      'deploy/users@v1.0.sql': '',
      'deploy/users.sql': '',
      'deploy/flips.sql': '',
      'deploy/scratch.sql': '',
      'revert/users.sql': '',
      'verify/users.sql': '',
    });
    expect([discovery.layout, discovery.layoutReason]).toEqual(['sqitch', 'sqitch.plan']);
    expect(runnerOrder(discovery)).toEqual(['deploy/appschema.sql -', 'deploy/users@v1.0.sql -', 'deploy/users.sql -', 'deploy/flips.sql -']);
    expect(discovery.unplaced.map((file) => file.name)).toEqual(['deploy/scratch.sql']);
    expect(discovery.runnerIssues).toEqual([]);
  });

  it('a change without its deploy script is a runner issue at its plan line', () => {
    const discovery = discoverFiles({ 'sqitch.plan': plan, 'deploy/appschema.sql': '', 'deploy/users.sql': '', 'deploy/flips.sql': '' });
    expect(discovery.runnerIssues).toEqual([
      { path: 'sqitch.plan', line: 5, message: 'sqitch.plan lists the change "users", but deploy/users@v1.0.sql is not in the folder: sqitch deploy stops there.' },
    ]);
  });
});

describe('graphile-migrate', () => {
  const sha1 = (previous: string | null, body: string) => `sha1:${createHash('sha1').update(`${`${previous ?? ''}\n${body}`.trim()}\n`).digest('hex')}`;
  const committed = (previous: string | null, body: string, extra = '') =>
    `--! Previous: ${previous ?? '-'}\n--! Hash: ${sha1(previous, body)}${extra}\n\n${body}`;
  const first = 'create table app.users (id int);\n';
  const second = 'grant select on app.users to :DATABASE_VISITOR;\n';

  it('applies committed files in name order; a sound chain has no issue; current.sql is known, not replayed; placeholders keep their place', () => {
    const discovery = discoverFiles({
      'committed/000002-grants.sql': committed(sha1(null, first), second, '\n--! Message: grants'),
      'committed/000001.sql': committed(null, first),
      'current.sql': 'select 1;',
    });
    expect([discovery.layout, runnerOrder(discovery)]).toEqual(['graphile-migrate', ['committed/000001.sql 000001', 'committed/000002-grants.sql 000002']]);
    expect([discovery.unplaced, discovery.runnerIssues, discovery.providedRoles]).toEqual([[], [], ['_database_visitor']]);
    const text = discovery.files[1]!.source!;
    expect(text.split('\n')[4]).toBe('grant select on app.users to _DATABASE_VISITOR;');
  });

  it('reports a broken link and a body edited after commit, unless --! AllowInvalidHash', () => {
    const edited = committed(sha1(null, first), second).replace('grant select', 'grant all');
    const discovery = discoverFiles({ 'committed/000001.sql': committed(null, first), 'committed/000002.sql': edited, 'committed/000003.sql': committed('sha1:abc', 'select 3;\n') });
    const written = sha1(sha1(null, first), second);
    expect(discovery.runnerIssues.map((issue) => `${issue.path}:${issue.line} ${issue.message}`)).toEqual([
      `committed/000002.sql:2 --! Hash: is ${written}, but the file hashes to ${sha1(sha1(null, first), second.replace('grant select', 'grant all'))}: it was edited after it was committed, and graphile-migrate refuses to run it.`,
      `committed/000003.sql:1 --! Previous: is sha1:abc, but the migration before it has hash ${written}: graphile-migrate refuses the chain here.`,
    ]);
    const allowed = discoverFiles({ 'committed/000001.sql': committed(null, first).replace('\n\n', '\n--! AllowInvalidHash\n\n').replace('int', 'bigint') });
    expect(allowed.runnerIssues).toEqual([]);
  });

  it('replays the afterReset SQL files .gmrc names first', () => {
    const dir = folder({
      '.gmrc': '{\n  // comments are allowed\n  "afterReset": ["!afterReset.sql", { "_": "command", "command": "x" }]\n}\n',
      'migrations/afterReset.sql': 'create extension if not exists citext;',
      'migrations/committed/000001.sql': committed(null, first),
    });
    expect(runnerOrder(discover('migrations', { cwd: dir }))).toEqual(['afterReset.sql -', 'committed/000001.sql 000001']);
  });
});

describe('Supabase by content and by configuration', () => {
  const mixed = {
    '20250102000001_schemas.sql': 'create policy p on t using (auth.uid() = owner);',
    '20250108_hugo.sql': '',
    '20250114000002_apps.sql': '',
    '20250108_zeta.sql': '',
  };

  it('a folder outside supabase/migrations with 8- and 14-digit versions that uses Supabase is in the Supabase CLI name order', () => {
    const discovery = discoverFiles(mixed);
    expect(discovery.layout).toBe('supabase');
    expect(runnerOrder(discovery)).toEqual(['20250102000001_schemas.sql 20250102000001', '20250108_hugo.sql 20250108', '20250108_zeta.sql 20250108', '20250114000002_apps.sql 20250114000002']);
    const plain = discoverFiles({ ...mixed, '20250102000001_schemas.sql': 'create table t (id int);' });
    expect(plain.layout).toBe('numbered');
  });

  it('a supabase/config.toml above the folder makes it a Supabase one', () => {
    const dir = folder({ 'supabase/config.toml': 'project_id = "x"\n', 'db/migrations/001_a.sql': '' });
    expect(discover('db/migrations', { cwd: dir })).toMatchObject({ layout: 'supabase', layoutReason: '../../supabase/config.toml above it' });
  });
});
