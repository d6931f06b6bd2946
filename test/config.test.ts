import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { loadConfig } from '../src/config.js';
import { resolveRules } from '../src/effective-rules.js';

function folderWith(name: string, content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miglint-config-'));
  writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}

describe('configuration', () => {
  it('says what a bad severity should be and suggests the key that was meant', () => {
    const dir = folderWith('miglint.config.json', { layot: 'supabase', rules: { 'patch-chain': 'warn' } });
    expect(() => loadConfig(dir)).toThrow(
      /rules\.patch-chain: expected "off", "info", "warning" or "error", or \[severity, \{ \.\.\.options \}\][\s\S]*unknown key "layot" \(did you mean "layout"\?\)/,
    );
  });

  it('reads a miglint key in package.json', () => {
    const dir = folderWith('package.json', { name: 'app', miglint: { rules: { 'empty-migration': 'off' } } });
    const { config, source } = loadConfig(dir);
    expect(source).toBe(path.join(dir, 'package.json'));
    expect(resolveRules(RULES, config, source).some((rule) => rule.rule.id === 'empty-migration')).toBe(false);
  });

  it('rejects unknown rule ids with a suggestion, and bad options', () => {
    expect(() => resolveRules(RULES, { rules: { 'patch-chian': 'error' } }, 'x.json')).toThrow(
      'x.json: unknown rule "patch-chian" (did you mean "patch-chain"?)',
    );
    expect(() => resolveRules(RULES, { rules: { 'patch-chain': ['error', { threshold: 0 }] } }, 'x.json')).toThrow(
      /invalid options for rule "patch-chain": threshold/,
    );
  });

  it('applies options and severities', () => {
    const resolved = resolveRules(RULES, { rules: { 'patch-chain': ['error', { threshold: 5 }] } }, null);
    const chain = resolved.find((rule) => rule.rule.id === 'patch-chain')!;
    expect(chain.severity).toBe('error');
    expect(chain.options).toEqual({ threshold: 5 });
  });
});

describe('paths in the configuration', () => {
  it('migrationsDir and ignore are relative to the config file, not the working directory', async () => {
    const { miglint, places } = await import('./support/built-cli.js');
    const { writeFolder } = await import('./support/rule-tester.js');
    const dir = writeFolder({
      'miglint.config.json': JSON.stringify({ migrationsDir: 'db/sql', ignore: ['db/sql/archive/**'] }),
      'db/sql/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY);\n',
      'db/sql/002_users_again.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'db/sql/archive/003_old.sql': 'CREATE TABLE users (id text PRIMARY KEY);\n',
      'app/src/.keep': '',
    });
    try {
      const fromRoot = await miglint(dir, ['lint', '--format', 'json']);
      expect(places(fromRoot)).toEqual(['db/sql/002_users_again.sql:1 duplicate-create-table']);
      const fromBelow = await miglint(path.join(dir, 'app', 'src'), ['lint', '--format', 'json']);
      expect(fromBelow.stderr).toBe('');
      expect(places(fromBelow)).toEqual(['../../db/sql/002_users_again.sql:1 duplicate-create-table']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('resolves them when loaded, for every command', () => {
    const dir = folderWith('miglint.config.json', { migrationsDir: 'supabase/migrations', ignore: ['supabase/migrations/old/**', '**/scratch*'] });
    const below = path.join(dir, 'packages', 'web');
    mkdirSync(below, { recursive: true });
    const { config } = loadConfig(below);
    expect(config.migrationsDir).toBe(path.join('..', '..', 'supabase', 'migrations'));
    expect(config.ignore).toEqual([`${dir}/supabase/migrations/old/**`, `${dir}/**/scratch*`]);
  });
});
