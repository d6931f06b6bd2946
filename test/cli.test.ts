/**
 * The built binary, run as a user runs it (`npm test` builds dist/ first): exit codes, what goes
 * to stdout and stderr, and the JSON contract. Paths in the output are relative to the cwd.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { writeFolder } from './support/rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'miglint.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary; tests run concurrently because most of each run is Node starting up. */
function miglint(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

/** A temporary folder for one test, removed when the test ends. */
async function inFolder<T>(files: Record<string, string>, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = writeFolder(files);
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fixture = (name: string) => path.join(FIXTURES, name);

/** Each test starts Node a few times; on a busy machine that alone can take seconds. */
const SLOW = { timeout: 120_000 };

interface JsonReport {
  files: number;
  statements: number;
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    file: string;
    line: number;
    column: number;
    related: { file: string; line: number; message: string }[];
  }[];
}

function json(run: Run): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** The rules these fixtures were written for; other rules may add findings of their own. */
const FIXTURE_RULES = new Set(['parse-error', 'duplicate-create-table', 'version-collision', 'empty-migration', 'unversioned-file', 'unused-disable']);
const ofFixtureRules = (report: JsonReport) => report.findings.filter((finding) => FIXTURE_RULES.has(finding.ruleId));

describe.concurrent('miglint lint: exit codes', SLOW, () => {
  it('exits 0 on a clean folder and says so (migrations/ found when no folder is given)', async () => {
    const run = await miglint(fixture('clean'), 'lint');
    expect(run).toEqual({ status: 0, stdout: '✔ 2 files, 3 statements: no problems\n', stderr: '' });
  });

  it('exits 1 with error findings, printed under each file with line:column', async () => {
    const run = await miglint(fixture('errors'), 'lint', 'migrations');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'migrations/002_users_again.sql\n  3:1  error    Table "users" is created again (first created in 001_users.sql:1), with no DROP in between, so this statement fails.  duplicate-create-table\n                migrations/001_users.sql:1  "users" first created here\n',
    );
    expect(run.stdout).toContain('migrations/003_teams_name.sql\n  1:1  error    Version 003 is also the version of 003_teams.sql');
    expect(run.stdout).toMatch(/\n✖ \d+ problems \(2 errors, \d+ warnings?, \d+ info\) in 4 files, 4 statements\n$/);
  });

  it('exits 1 on a parse error, a finding like any error (ESLint does the same), and still prints the findings of the other files', async () => {
    const run = await miglint(fixture('parse-error'), 'lint', 'migrations', '--format', 'json');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(ofFixtureRules(json(run))).toEqual([
      {
        ruleId: 'parse-error',
        severity: 'error',
        message: 'syntax error at or near "NOT"',
        file: 'migrations/002_policies.sql',
        line: 3,
        column: 18,
        related: [],
        suggestion: 'PostgreSQL has no CREATE POLICY IF NOT EXISTS; write DROP POLICY IF EXISTS ... ON ...; then CREATE POLICY.',
      },
      {
        ruleId: 'duplicate-create-table',
        severity: 'error',
        message: 'Table "accounts" is created again (first created in 001_accounts.sql:1), with no DROP in between, so this statement fails.',
        file: 'migrations/003_accounts_again.sql',
        line: 1,
        column: 1,
        related: [{ file: 'migrations/001_accounts.sql', line: 1, message: '"accounts" first created here' }],
      },
    ]);
  });

  it('exits by the other findings when parse errors are turned off or suppressed', async () => {
    const files = {
      'migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);',
      'migrations/002_b.sql': '-- miglint-disable parse-error\nCREATE TABLEX b;',
    };
    const suppressed = await inFolder(files, (dir) => miglint(dir, 'lint', 'migrations', '--format', 'json'));
    expect(suppressed.status).toBe(0);
    expect(ofFixtureRules(json(suppressed))).toEqual([]);
    const withDuplicate = {
      ...files,
      'migrations/002_b.sql': 'CREATE TABLEX b;',
      'migrations/003_c.sql': 'CREATE TABLE a (id int PRIMARY KEY, name text);',
      'miglint.config.json': '{ "rules": { "parse-error": "off" } }',
    };
    const off = await inFolder(withDuplicate, (dir) => miglint(dir, 'lint', 'migrations', '--format', 'json'));
    expect(off.status).toBe(1);
    expect(ofFixtureRules(json(off)).map((finding) => finding.ruleId)).toEqual(['duplicate-create-table']);
  });

  it('exits 2 with a clear message and no stack trace for a missing folder', async () => {
    expect(await miglint(fixture('clean'), 'lint', 'no/such/dir')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'miglint: No such folder: no/such/dir\n',
    });
  });

  it('exits 2 when no folder is given and none of the usual ones exists', async () => {
    const run = await miglint(fixture('.'), 'lint');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'miglint: No migrations folder given, and none of supabase/migrations, migrations, db/migrations is here. Usage: miglint lint <dir>\n',
    );
  });

  it('--layout forces the file grammar', async () => {
    const run = await miglint(fixture('warnings'), 'lint', 'migrations', '--layout', 'golang-migrate', '--format', 'json');
    expect(run.status).toBe(0);
    expect(ofFixtureRules(json(run)).filter((finding) => finding.ruleId === 'unversioned-file').map((finding) => finding.file)).toEqual([
      'migrations/001_notes.sql',
      'migrations/002_placeholder.sql',
      'migrations/notes-comment.sql',
    ]);
  });

  it('exits 2 for an unknown option or format', async () => {
    const run = await miglint(fixture('clean'), 'lint', 'migrations', '--format', 'xml');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^miglint: Invalid values:\n.*format.*"xml"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('miglint lint: configuration errors', SLOW, () => {
  const withConfig = (config: string): Promise<Run> =>
    inFolder({ 'miglint.config.json': config, 'migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);' }, (dir) =>
      miglint(dir, 'lint', 'migrations'),
    );

  it('exits 2 for an unknown rule id, naming the file and the closest rule', async () => {
    const run = await withConfig('{ "rules": { "patch-chian": "error" } }');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^miglint: .*miglint\.config\.json: unknown rule "patch-chian" \(did you mean "patch-chain"\?\)\n$/);
  });

  it('exits 2 for a bad severity, naming the file and the rule', async () => {
    const run = await withConfig('{ "rules": { "patch-chain": "loud" } }');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^miglint: .*miglint\.config\.json: invalid configuration\n {2}rules\.patch-chain: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a severity for unused-disable, which the engine reports', async () => {
    const files = {
      'miglint.config.json': '{ "rules": { "unused-disable": "error" } }',
      'migrations/001_a.sql': '-- miglint-disable-next-line version-collision\nCREATE TABLE a (id int PRIMARY KEY);',
    };
    const run = await inFolder(files, (dir) => miglint(dir, 'lint', 'migrations', '--format', 'json'));
    expect(run.status).toBe(1);
    expect(ofFixtureRules(json(run)).map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['unused-disable error']);
    const off = await inFolder({ ...files, 'miglint.config.json': '{ "rules": { "unused-disable": "off" } }' }, (dir) =>
      miglint(dir, 'lint', 'migrations', '--format', 'json'),
    );
    expect(off.status).toBe(0);
    expect(ofFixtureRules(json(off))).toEqual([]);
  });

  it('exits 2 for bad rule options and for a file that is not JSON', async () => {
    const options = await withConfig('{ "rules": { "patch-chain": ["warning", { "threshold": 0 }] } }');
    expect(options.status).toBe(2);
    expect(options.stderr).toMatch(/miglint\.config\.json: invalid options for rule "patch-chain": threshold: /);
    const broken = await withConfig('{ "rules": ');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^miglint: .*miglint\.config\.json: not valid JSON/);
  });
});

describe.concurrent('miglint lint --format json', SLOW, () => {
  it('keeps the public contract: exact keys, 1-based positions, files relative to cwd with /', async () => {
    const run = await miglint(path.join(FIXTURES, 'errors'), 'lint', 'migrations', '--format', 'json');
    expect(run.status).toBe(1);
    const report = json(run);
    expect(Object.keys(report)).toEqual(['files', 'statements', 'findings']);
    expect(report.files).toBe(4);
    expect(report.statements).toBe(4);
    for (const finding of report.findings) {
      expect(Object.keys(finding).slice(0, 7)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'related']);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(finding.file).toMatch(/^migrations\/[^\\]+\.sql$/);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      for (const related of finding.related) expect(Object.keys(related)).toEqual(['file', 'line', 'message']);
    }
    expect(ofFixtureRules(report)).toEqual([
      {
        ruleId: 'duplicate-create-table',
        severity: 'error',
        message: 'Table "users" is created again (first created in 001_users.sql:1), with no DROP in between, so this statement fails.',
        file: 'migrations/002_users_again.sql',
        line: 3,
        column: 1,
        related: [{ file: 'migrations/001_users.sql', line: 1, message: '"users" first created here' }],
      },
      {
        ruleId: 'version-collision',
        severity: 'error',
        message: 'Version 003 is also the version of 003_teams.sql; a runner applies only one of them, or refuses both.',
        file: 'migrations/003_teams_name.sql',
        line: 1,
        column: 1,
        related: [{ file: 'migrations/003_teams.sql', line: 1, message: 'also version 003' }],
      },
    ]);
  });

  it('prints paths relative to cwd from a parent folder and from a sibling folder', async () => {
    const fromParent = json(await miglint(FIXTURES, 'lint', 'errors/migrations', '--format', 'json'));
    expect(ofFixtureRules(fromParent).map((finding) => finding.file)).toEqual([
      'errors/migrations/002_users_again.sql',
      'errors/migrations/003_teams_name.sql',
    ]);
    const fromSibling = json(await miglint(fixture('clean'), 'lint', '../errors/migrations', '--format', 'json'));
    expect(ofFixtureRules(fromSibling)[0]!.file).toBe('../errors/migrations/002_users_again.sql');
    expect(ofFixtureRules(fromSibling)[0]!.related[0]!.file).toBe('../errors/migrations/001_users.sql');
  });

  it('prints an empty list for a clean folder', async () => {
    expect(json(await miglint(fixture('clean'), 'lint', 'migrations', '-f', 'json'))).toEqual({ files: 2, statements: 3, findings: [] });
  });
});

describe.concurrent('miglint lint --max-warnings', SLOW, () => {
  const warnings = (...args: string[]) => miglint(fixture('warnings'), 'lint', 'migrations', ...args);

  it('exits 0 on warnings alone, and 1 once there are more warnings than allowed', async () => {
    const run = await warnings('--format', 'json');
    expect(run.status).toBe(0);
    expect(ofFixtureRules(json(run)).map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`)).toEqual([
      'migrations/002_placeholder.sql:1 warning empty-migration',
      'migrations/notes-comment.sql:1 warning unversioned-file',
    ]);
    const count = json(run).findings.filter((finding) => finding.severity === 'warning').length;
    const limits = [count, count - 1, 0].map(String);
    const runs = await Promise.all(limits.map((limit) => warnings('--max-warnings', limit)));
    expect(runs.map((limited) => limited.status)).toEqual([0, 1, 1]);
  });

  it('-1 means no limit; anything but a whole number is a usage error, not a limit silently ignored', async () => {
    const runs = await Promise.all(['-1', 'abc', '1.5', '-2'].map((limit) => warnings('--max-warnings', limit)));
    expect(runs.map((run) => run.status)).toEqual([0, 2, 2, 2]);
    expect(runs[1]).toEqual({ status: 2, stdout: '', stderr: 'miglint: --max-warnings takes a whole number of warnings (-1: no limit).\n' });
  });
});

describe.concurrent('inline suppression', SLOW, () => {
  it('disable-next-line and disable (file) suppress; a directive that suppresses nothing is reported', async () => {
    const run = await miglint(fixture('suppressed'), 'lint', 'migrations', '--format', 'json');
    expect(run.status).toBe(0);
    expect(ofFixtureRules(json(run))).toEqual([
      {
        ruleId: 'unused-disable',
        severity: 'warning',
        message: 'This miglint-disable comment suppresses nothing for "version-collision".',
        file: 'migrations/004_labels.sql',
        line: 1,
        column: 1,
        related: [],
      },
    ]);
  });

  it('without the comments the same folder has the findings', async () => {
    const files = {
      'migrations/001_tags.sql': 'CREATE TABLE tags (id uuid PRIMARY KEY);\n',
      'migrations/002_tags_again.sql': '\nCREATE TABLE tags (id uuid PRIMARY KEY, name text);\n',
      'migrations/003_placeholder.sql': '-- nothing here yet\n',
    };
    const run = await inFolder(files, (dir) => miglint(dir, 'lint', 'migrations', '--format', 'json'));
    expect(run.status).toBe(1);
    expect(ofFixtureRules(json(run)).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'migrations/002_tags_again.sql:2 duplicate-create-table',
      'migrations/003_placeholder.sql:1 empty-migration',
    ]);
  });
});

describe.concurrent('output to a pipe', SLOW, () => {
  it('stops quietly when the reader goes away (miglint lint | head -1)', async () => {
    const files = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`migrations/notes-${i}.sql`, '']));
    const run = await inFolder(files, (dir) => {
      return new Promise<Run>((resolve) => {
        execFile('sh', ['-c', `"${process.execPath}" "${BIN}" lint migrations | head -1`], { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) =>
          resolve({ status: error === null ? 0 : Number(error.code), stdout, stderr }),
        );
      });
    });
    expect(run).toEqual({ status: 0, stdout: 'migrations/notes-0.sql\n', stderr: '' });
  });
});

describe.concurrent('miglint lint <files> (what lint-staged and pre-commit pass)', SLOW, () => {
  it('replays the whole folder and reports only the findings located in the given files', async () => {
    const later = await miglint(fixture('errors'), 'lint', 'migrations/002_users_again.sql', '--format', 'json');
    expect(later.status).toBe(1);
    const report = json(later);
    expect(report.files).toBe(4);
    expect(report.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
      { ruleId: 'duplicate-create-table', file: 'migrations/002_users_again.sql', line: 3 },
    ]);
    const untouched = await miglint(fixture('errors'), 'lint', 'migrations/001_users.sql', '--format', 'json');
    // The duplicate is 002's doing: 001, given alone, has nothing to answer for.
    expect(ofFixtureRules(json(untouched))).toEqual([]);
    // A new 003_teams.sql collides with the 003_teams_name.sql already there, which sorts after it: the collision is shown on the given file.
    const collidingEarlier = await miglint(fixture('errors'), 'lint', 'migrations/003_teams.sql', '--format', 'json');
    expect(collidingEarlier.status).toBe(1);
    expect(ofFixtureRules(json(collidingEarlier)).map(({ ruleId, file }) => `${file} ${ruleId}`)).toEqual(['migrations/003_teams.sql version-collision']);
  });

  it('replays each folder once when the files are in several folders', async () => {
    const run = await miglint(
      FIXTURES,
      'lint',
      'errors/migrations/003_teams_name.sql',
      'parse-error/migrations/002_policies.sql',
      'errors/migrations/002_users_again.sql',
      '--format',
      'json',
    );
    expect(run.status).toBe(1);
    const report = json(run);
    expect(report.files).toBe(4 + 3);
    expect(ofFixtureRules(report).map(({ ruleId, file }) => `${file} ${ruleId}`)).toEqual([
      'errors/migrations/002_users_again.sql duplicate-create-table',
      'errors/migrations/003_teams_name.sql version-collision',
      'parse-error/migrations/002_policies.sql parse-error',
    ]);
  });

  it('finds the migrations folder above a file in a per-migration folder', async () => {
    const files = {
      'migrations/2023-01-01-000000_users/up.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
      'migrations/2023-01-01-000000_users/down.sql': 'DROP TABLE users;',
      'migrations/2023-02-01-000000_users_again/up.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
    };
    const run = await inFolder(files, (dir) => miglint(path.join(dir, 'migrations'), 'lint', '2023-02-01-000000_users_again/up.sql', '--format', 'json'));
    expect(run.status).toBe(1);
    expect(ofFixtureRules(json(run)).map(({ ruleId, file, related }) => ({ ruleId, file, related: related.map((r) => r.file) }))).toEqual([
      { ruleId: 'duplicate-create-table', file: '2023-02-01-000000_users_again/up.sql', related: ['2023-01-01-000000_users/up.sql'] },
    ]);
  });

  it('exits 2 for a given file its folder does not read as a migration, rather than passing it unchecked', async () => {
    const files = {
      'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
      'migrations/archive/000_old.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
      'miglint.config.json': '{ "ignore": ["migrations/archive/**"] }',
    };
    const run = await inFolder(files, (dir) => miglint(dir, 'lint', 'migrations/archive/000_old.sql', 'migrations/001_users.sql'));
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'miglint: migrations/archive/000_old.sql: not a migration of migrations as miglint reads it (numbered layout, 1 file), so there is nothing to check. Lint the folder with --layout, or leave it out.\n',
    });
  });

  it('exits 2 for a missing file, or a folder given with files', async () => {
    expect(await miglint(fixture('errors'), 'lint', 'migrations/001_users.sql', 'migrations/009_gone.sql')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'miglint: Give one migrations folder, or migration files; not a file: migrations/009_gone.sql\n',
    });
    expect(await miglint(fixture('errors'), 'lint', 'migrations', 'migrations/001_users.sql')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'miglint: Give one migrations folder, or migration files; not a file: migrations\n',
    });
  });
});

describe.concurrent('miglint baseline -o', SLOW, () => {
  it('writes into the migrations folder of a project folder, and a later lint of the project reads the same files', async () => {
    const files = {
      'app/supabase/migrations/20240101000000_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
      'app/supabase/migrations/20240102000000_email.sql': 'ALTER TABLE users ADD COLUMN email text;',
    };
    await inFolder(files, async (dir) => {
      const written = await miglint(dir, 'baseline', 'app', '-o');
      expect(written.status).toBe(0);
      expect(written.stderr.split('\n')[0]).toBe('miglint: wrote app/supabase/migrations/000_baseline_schema.sql');
      // Next to the files it consolidates, the Supabase CLI would apply it first: said, as a warning.
      expect(written.stderr).toContain('miglint: warning: the Supabase CLI applies app/supabase/migrations/000_baseline_schema.sql first');
      expect(existsSync(path.join(dir, 'app', '000_baseline_schema.sql'))).toBe(false);
      expect(readFileSync(path.join(dir, 'app/supabase/migrations/000_baseline_schema.sql'), 'utf8')).toContain('email text');
      const linted = await miglint(dir, 'lint', 'app', '--format', 'json');
      expect(json(linted).files).toBe(2);
    });
  });
});

describe.concurrent('miglint rules', SLOW, () => {
  it('lists every rule in rules/index.ts with its severity and description, aligned, and unused-disable', async () => {
    const run = await miglint(ROOT, 'rules');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([...RULES.map((rule) => rule.id), 'unused-disable']);
    RULES.forEach((rule, i) => {
      expect(lines[i]!.split(/\s+/)[1]).toBe(rule.enabledByDefault === false ? 'off' : rule.severity);
      expect(lines[i]!.endsWith(`  ${rule.description}`)).toBe(true);
    });
    const descriptionColumns = lines.map((line, i) => line.lastIndexOf(i < RULES.length ? RULES[i]!.description : 'A miglint-disable'));
    expect(new Set(descriptionColumns).size).toBe(1);
  });

  it('prints JSON with docs', async () => {
    const rows = JSON.parse((await miglint(ROOT, 'rules', '--format', 'json')).stdout) as { id: string; docs: unknown }[];
    expect(rows.map((row) => row.id)).toEqual([...RULES.map((rule) => rule.id), 'unused-disable']);
    expect(rows[0]!.docs).toEqual(RULES[0]!.docs);
  });
});


describe.concurrent('folders with nothing to lint are errors, never "0 files, no problems"', SLOW, () => {
  const cases: [string, Record<string, string>, string][] = [
    ['an empty folder', {}, 'is empty: there is no migration file to lint.'],
    ['a folder without .sql', { 'db/README.md': '# notes' }, 'No .sql file in db (it holds 1 other entry: README.md).'],
    ['.sql files only in subfolders', { 'db/tenant/0001-a.sql': 'SELECT 1;', 'db/multitenant/0001-b.sql': 'SELECT 1;' }, '1 .sql file in multitenant/, 1 in tenant/: these look like two migration sets'],
  ];
  for (const [name, files, message] of cases) {
    it(`${name}: lint, baseline, verify and schema exit 2 and say what is there`, async () => {
      await inFolder(files, async (dir) => {
        const target = Object.keys(files).length === 0 ? '.' : 'db';
        for (const command of ['lint', 'baseline', 'verify', 'schema']) {
          const run = await miglint(dir, command, target);
          expect([command, run.status, run.stdout]).toEqual([command, 2, '']);
          expect(run.stderr).toContain(message);
        }
      });
    });
  }

  it('examples/two-sets names both sets with their counts', async () => {
    const run = await miglint(ROOT, 'lint', 'examples/two-sets');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'miglint: No migration file directly in examples/two-sets: 2 .sql files in tenant/, 1 in multitenant/: these look like two migration sets; lint each one (miglint lint examples/two-sets/tenant), or use --layout if one runner reads them all.\n',
    );
  });
});

describe.concurrent('runner layouts and the preset through the CLI', SLOW, () => {
  it('lints the Prisma, drizzle, sqitch and graphile-migrate examples with their findings and exit codes', async () => {
    const expected: [string, number, number, string[]][] = [
      ['examples/prisma', 0, 3, ['unindexed-foreign-key', 'unindexed-foreign-key', 'unplaced-file']],
      ['examples/drizzle', 1, 3, ['adding-required-column', 'unplaced-file']],
      ['examples/sqitch', 0, 4, ['unindexed-foreign-key', 'function-search-path', 'unplaced-file']],
      ['examples/graphile-migrate', 1, 4, ['unindexed-foreign-key', 'runner-file-mismatch']],
    ];
    for (const [folder, status, files, rules] of expected) {
      const run = await miglint(ROOT, 'lint', folder, '--format', 'json');
      expect([folder, run.status, json(run).files, json(run).findings.map((finding) => finding.ruleId)]).toEqual([folder, status, files, rules]);
    }
  });

  it('--verbose says which layout and preset were chosen and why; --preset overrides the preset on lint, baseline and schema', async () => {
    const verbose = await miglint(ROOT, 'lint', 'examples/supabase-numbered', '--verbose');
    expect(verbose.status).toBe(0);
    expect(verbose.stderr).toBe(
      "miglint: examples/supabase-numbered: layout numbered (2 numbered file names); preset supabase (2 of 2 files use Supabase's auth.users, authenticated); 2 files replayed\n",
    );
    const without = await miglint(ROOT, 'lint', 'examples/supabase-numbered', '--preset', 'none', '--format', 'json');
    expect(without.status).toBe(1);
    expect(json(without).findings.filter((finding) => finding.ruleId === 'missing-reference')).toHaveLength(7);
    const baseline = await miglint(ROOT, 'baseline', 'examples/supabase-numbered', '--preset', 'none', '--verbose');
    expect([baseline.status, baseline.stderr]).toEqual([0, "miglint: examples/supabase-numbered: layout numbered (2 numbered file names); preset none (given); 2 files replayed\n"]);
    const schema = await miglint(ROOT, 'schema', 'examples/prisma', '--preset', 'supabase', '--verbose', '--format', 'sql');
    expect(schema.status).toBe(0);
    expect(schema.stderr).toBe('miglint: examples/prisma: layout prisma (migration_lock.toml); preset supabase (given); 3 files replayed, 1 .sql not applied by this layout\n');
    expect(schema.stdout).toContain('CREATE TABLE "Comment"');
    expect((await miglint(ROOT, 'lint', 'examples/prisma', '--preset', 'heroku')).status).toBe(2);
  });
});
