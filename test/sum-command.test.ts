/** `miglint sum` and the two rules that read miglint.sum, through the built CLI and real git. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { gitInit, miglint, SLOW } from './support/run-cli.js';

const A = 'CREATE TABLE a (id int PRIMARY KEY);\n';
const B = 'CREATE TABLE b (id int PRIMARY KEY);\n';

/** The format, computed here independently of src/sum.ts. */
function expectedSum(files: [string, string][]): string {
  const h = (text: string) => `h1:${createHash('sha256').update(text).digest('base64')}`;
  let previous = '';
  const lines = files.map(([name, source]) => `${name} ${(previous = h(`${previous}\0${name}\0${source}`))}`);
  return [h(lines.map((line) => `${line}\n`).join('')), ...lines].join('\n') + '\n';
}

async function inFolder(files: Record<string, string>, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = writeFolder(files);
  try {
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('miglint sum', () => {
  it('writes one chained hash per file in runner order, under a hash of the list', SLOW, () =>
    inFolder({ 'migrations/002_b.sql': B, 'migrations/001_a.sql': A, 'migrations/010_c.sql': 'SELECT 1;' }, async (dir) => {
      const run = await miglint(dir, ['sum', 'migrations']);
      expect(run).toEqual({ status: 0, stdout: '', stderr: 'miglint: wrote migrations/miglint.sum (3 files)\n' });
      expect(readFileSync(path.join(dir, 'migrations/miglint.sum'), 'utf8')).toBe(
        expectedSum([
          ['001_a.sql', A],
          ['002_b.sql', B],
          ['010_c.sql', 'SELECT 1;'],
        ]),
      );
      expect((await miglint(dir, ['lint', 'migrations'])).status).toBe(0);
    }));

  it('lint reports an edited file and an unrecorded one; without a sum file neither', SLOW, () =>
    inFolder({ 'migrations/001_a.sql': A, 'migrations/002_b.sql': B }, async (dir) => {
      await miglint(dir, ['sum', 'migrations']);
      writeFileSync(path.join(dir, 'migrations/001_a.sql'), A.replace('int', 'bigint'));
      writeFileSync(path.join(dir, 'migrations/003_c.sql'), 'CREATE TABLE c (id int PRIMARY KEY);\n');
      const run = await miglint(dir, ['lint', 'migrations', '-f', 'json']);
      expect(run.status).toBe(1);
      const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings;
      expect(findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
        { ruleId: 'migration-edited', file: 'migrations/001_a.sql', line: 1 },
        { ruleId: 'sum-out-of-date', file: 'migrations/003_c.sql', line: 1 },
      ]);
      rmSync(path.join(dir, 'migrations/miglint.sum'));
      expect((await miglint(dir, ['lint', 'migrations'])).status).toBe(0);
    }));

  it('two branches that each add a migration conflict in git, and lint says so', SLOW, () =>
    inFolder({ 'migrations/001_a.sql': A }, async (dir) => {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
      await miglint(dir, ['sum', 'migrations']);
      gitInit(dir);
      for (const [branch, file] of [
        ['one', '002_orders.sql'],
        ['two', '002_invoices.sql'],
      ] as const) {
        git('checkout', '-q', '-b', branch, 'main');
        writeFileSync(path.join(dir, 'migrations', file), `CREATE TABLE ${file.slice(4, -4)} (id int PRIMARY KEY);\n`);
        expect((await miglint(dir, ['sum', 'migrations'])).status).toBe(0);
        git('add', '-A');
        git('commit', '-q', '-m', branch);
      }
      git('checkout', '-q', 'one');
      expect(() => git('merge', '-q', 'two')).toThrow();
      expect(git('diff', '--name-only', '--diff-filter=U').trim()).toBe('migrations/miglint.sum');
      const run = await miglint(dir, ['lint', 'migrations']);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/migrations\/miglint\.sum\n {2}1:1 {2}error {4}miglint\.sum has a git merge conflict: two branches added migrations\./);
    }));

  it('refuses to hash a folder with an unreadable file, and writes nothing', SLOW, () =>
    inFolder({ 'migrations/001_a.sql': A }, async (dir) => {
      writeFileSync(path.join(dir, 'migrations/002_b.sql'), Buffer.from([0xff, 0xfe, 0x00]));
      const run = await miglint(dir, ['sum', 'migrations']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('miglint: Cannot hash migrations/002_b.sql (file is not valid UTF-8 text); nothing was written.\n');
      expect(existsSync(path.join(dir, 'migrations/miglint.sum'))).toBe(false);
    }));
});
