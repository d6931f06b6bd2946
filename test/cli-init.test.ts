/** `miglint init` through the built CLI: the config it writes, and that lint then reads it. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { writeFolder } from './support/rule-tester.js';
import { miglint } from './support/built-cli.js';

const SLOW = { timeout: 120_000 };
const folders: string[] = [];
afterAll(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = writeFolder(files);
  folders.push(dir);
  return dir;
}

const SUPABASE = {
  'supabase/migrations/20240101000000_profiles.sql': 'CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));\nALTER TABLE profiles ENABLE ROW LEVEL SECURITY;\n',
};

describe.concurrent('miglint init', SLOW, () => {
  it('writes miglint.config.json for the folder found: its layout, preset, every rule at its default severity, and $schema', async () => {
    const dir = folder(SUPABASE);
    const run = await miglint(dir, ['init']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `Wrote miglint.config.json: supabase/migrations (1 file), layout supabase, preset supabase, ${RULES.length + 1} rules at their default severity.\n` +
        'Next: npx miglint lint; to accept what is there now: npx miglint lint --suppress-all\n',
    );
    const config = JSON.parse(readFileSync(path.join(dir, 'miglint.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toEqual({
      $schema: './node_modules/miglint/miglint.schema.json',
      migrationsDir: 'supabase/migrations',
      layout: 'supabase',
      preset: 'supabase',
      rules: {
        ...Object.fromEntries(RULES.map((rule) => [rule.id, rule.enabledByDefault === false ? 'off' : rule.severity])),
        'unused-disable': 'warning',
      },
    });
    expect((config.rules as Record<string, string>)['version-gap']).toBe('off');
    // The config it wrote is valid and changes nothing: lint reads it and finds what it found before.
    const withConfig = await miglint(dir, ['lint', '--format', 'json']);
    rmSync(path.join(dir, 'miglint.config.json'));
    const without = await miglint(dir, ['lint', '--format', 'json']);
    expect(withConfig.stderr).toBe('');
    expect(withConfig.stdout).toBe(without.stdout);
  });

  it('detects a numbered folder with no platform preset, or takes the folder and layout given', async () => {
    const dir = folder({ 'db/migrations/001_init.sql': 'CREATE TABLE a (id int PRIMARY KEY);\n', 'sql/0001_x.up.sql': 'SELECT 1;\n', 'sql/0001_x.down.sql': 'SELECT 1;\n' });
    expect((await miglint(dir, ['init'])).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'miglint.config.json'), 'utf8'))).toMatchObject({ migrationsDir: 'db/migrations', layout: 'numbered', preset: 'none' });
    expect((await miglint(dir, ['init', 'sql', '--force'])).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'miglint.config.json'), 'utf8'))).toMatchObject({ migrationsDir: 'sql', layout: 'golang-migrate', preset: 'none' });
  });

  it('never replaces a config without --force, and exits 2 when there is no folder, naming where it looked', async () => {
    const dir = folder(SUPABASE);
    writeFileSync(path.join(dir, 'miglint.config.json'), '{ "layout": "supabase" }');
    expect(await miglint(dir, ['init'])).toEqual({ status: 2, stdout: '', stderr: 'miglint: miglint.config.json exists already; use --force to replace it.\n' });
    expect(readFileSync(path.join(dir, 'miglint.config.json'), 'utf8')).toBe('{ "layout": "supabase" }');
    const empty = folder({ 'README.md': 'nothing here\n' });
    expect(await miglint(empty, ['init'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'miglint: No migrations folder given, and none of supabase/migrations, migrations, db/migrations is here. Usage: miglint lint <dir>\n',
    });
  });
});
