import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { main, type Output } from '../../src/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function baselineOf(dir: string, includeData = false): Promise<string> {
  return emitBaseline(await analyze(dir, { cache: false }), { includeData });
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: Output = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(argv, output);
  return { code, stdout, stderr };
}

function copyToTemp(dir: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'miglint-baseline-'));
  cpSync(dir, target, { recursive: true });
  return target;
}

describe('emitBaseline', () => {
  it('writes the cycle fixture: phases, a deferred foreign key, serial, identity, verbatim view, header', async () => {
    await expect(await baselineOf(fixture('cycle'))).toMatchFileSnapshot('__snapshots__/cycle.sql');
  });

  it('carries data statements in order with --include-data', async () => {
    await expect(await baselineOf(fixture('cycle'), true)).toMatchFileSnapshot('__snapshots__/cycle-with-data.sql');
  });

  it('adds a foreign key that ALTER TABLE pointed at a table nobody creates after the tables, alone; an inline one stays inline', async () => {
    await expect(await baselineOf(fixture('unknown-target'))).toMatchFileSnapshot('__snapshots__/unknown-target.sql');
  });

  it('names the settings DO blocks read as unset, and carries the roles they create before the tables, guarded as the block guarded them', async () => {
    const text = await baselineOf(path.join(root, 'test/fidelity/fixtures/built-strings'));
    expect(text).toContain(
      [
        '-- Evaluated as on a database where these settings are unset (current_setting(name, true) is NULL) (4):',
        '--   app.install_roles  001_built.sql:8',
        '--   app.owner_role     001_built.sql:8',
        '--   app.reader_role    001_built.sql:8',
        '--   app.multitenant    001_built.sql:43',
      ].join('\n'),
    );
    const roles = text.indexOf('DO $role$ BEGIN CREATE ROLE app_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR undefined_object THEN NULL; END $role$;');
    expect(roles).toBeGreaterThan(0);
    expect(roles).toBeLessThan(text.indexOf('CREATE TABLE app.items'));
    expect(text).toContain('ALTER TABLE app.items OWNER TO app_owner;');
    expect(text).not.toContain('old_label');
  });

  it('writes examples/clean', async () => {
    await expect(await baselineOf(path.join(root, 'examples/clean'))).toMatchFileSnapshot('__snapshots__/clean.sql');
  });

  it('gives the same bytes whatever the working directory', async () => {
    const fromRoot = emitBaseline(await analyze(fixture('cycle'), { cache: false, cwd: root }), { includeData: true });
    const fromTmp = emitBaseline(await analyze(fixture('cycle'), { cache: false, cwd: tmpdir() }), { includeData: true });
    expect(fromTmp).toBe(fromRoot);
  });
});

describe('miglint baseline', () => {
  it('prints the baseline and exits 0', async () => {
    const result = await cli(['baseline', fixture('cycle')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await baselineOf(fixture('cycle')));
  });

  it('writes 000_baseline_schema.sql into the folder with -o, atomically, and a second run leaves it unchanged', async () => {
    const dir = copyToTemp(fixture('cycle'));
    const first = await cli(['baseline', dir, '-o']);
    expect(first.code).toBe(0);
    const written = path.join(dir, '000_baseline_schema.sql');
    expect(readFileSync(written, 'utf8')).toBe(await baselineOf(fixture('cycle')));
    expect(readdirSync(dir).sort()).toEqual(['000_baseline_schema.sql', '001_teams.sql', '002_audit.sql']);

    // The baseline now sits in the folder: it is not replayed as part of the chain.
    const second = await cli(['baseline', dir, '-o']);
    expect(second.code).toBe(0);
    expect(readFileSync(written, 'utf8')).toBe(await baselineOf(fixture('cycle')));
    const lint = await cli(['lint', dir, '--format', 'json']);
    expect(JSON.parse(lint.stdout).files).toBe(2);
  });

  it('refuses to overwrite a file miglint did not write, unless --force', async () => {
    const dir = copyToTemp(fixture('cycle'));
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'miglint-target-')), 'schema.sql');
    writeFileSync(target, 'create table handwritten (id int);\n');
    const refused = await cli(['baseline', dir, '-o', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('miglint did not write it');
    expect(readFileSync(target, 'utf8')).toBe('create table handwritten (id int);\n');

    const forced = await cli(['baseline', dir, '-o', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(await baselineOf(fixture('cycle')));
    expect(readdirSync(path.dirname(target))).toEqual(['schema.sql']);
  });

  it('--check exits 0 when the committed baseline is current and 1 with a unified diff when stale', async () => {
    const dir = copyToTemp(fixture('cycle'));
    const target = path.join(dir, '000_baseline_schema.sql');
    expect((await cli(['baseline', dir, '-o', target])).code).toBe(0);

    const current = await cli(['baseline', dir, '--check', target]);
    expect(current).toMatchObject({ code: 0, stdout: '' });
    expect(current.stderr).toContain('is up to date');

    writeFileSync(path.join(dir, '003_more.sql'), 'alter table teams add column slug text;\n');
    const stale = await cli(['baseline', dir, '--check', target]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('--- ');
    expect(stale.stdout).toContain('+++ ');
    expect(stale.stdout).toContain('+  slug text,');
    expect(stale.stdout).toContain('+-- teams: created at 001_teams.sql:4; altered in 001_teams.sql, 003_more.sql\n');
    expect(stale.stderr).toContain('is stale');
  });

  it('--check on a missing file is a usage error', async () => {
    const result = await cli(['baseline', fixture('cycle'), '--check', path.join(tmpdir(), 'no-such-baseline.sql')]);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(tmpdir(), 'no-such-baseline.sql'))).toBe(false);
  });
});
