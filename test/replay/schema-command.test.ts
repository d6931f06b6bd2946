import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaCommand } from '../../src/commands/schema.js';
import { writeFolder } from '../support/rule-tester.js';

const dir = writeFolder({
  '001_init.sql': 'create table users (id int primary key, email text);\ncreate policy own on users for select using (true);\n',
  '002_alter.sql': '\nalter table users alter column email set not null;\n',
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(format: 'json' | 'sql'): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await schemaCommand({ dir, format }, { stdout: (text) => (stdout += text), stderr: () => undefined });
  return { code, stdout };
}

describe('miglint schema', () => {
  it('prints the model as JSON with where each part came from', async () => {
    const { code, stdout } = await run('json');
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as { tables: Record<string, { columns: { name: string; notNull: boolean; created: { line: number }; changes: { origin: { path: string; line: number }; description: string }[] }[]; policies: { name: string }[] }> };
    const users = model.tables['public.users']!;
    expect(users.policies.map((policy) => policy.name)).toEqual(['own']);
    const email = users.columns[1]!;
    expect([email.name, email.notNull, email.created.line]).toEqual(['email', true, 1]);
    expect(email.changes.map((change) => [change.origin.path.split('/').pop(), change.origin.line, change.description])).toEqual([
      ['002_alter.sql', 2, 'set NOT NULL on column "email"'],
    ]);
  });

  it('prints the model written back as SQL', async () => {
    const { code, stdout } = await run('sql');
    expect(code).toBe(0);
    expect(stdout).toMatch(/CREATE TABLE users \(/);
  });
});
