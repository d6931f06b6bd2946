/**
 * Hostile folders through the command line entry point: each ends in findings (exit 0 or 1) or
 * a clear message with exit code 2; never an internal error, a hang, or a partial output file.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { CACHE_ENV } from '../../src/cache/parse-cache.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

beforeAll(() => {
  process.env[CACHE_ENV] = 'off';
});

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) {
    chmodAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function chmodAll(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    chmodSync(full, 0o755);
    if (entry.isDirectory()) chmodAll(full);
  }
}

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miglint-folders-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function miglint(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

interface Report {
  files: number;
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
}

/** Lints `dir` as JSON and checks the contract every hostile input must keep. */
async function lint(dir: string): Promise<Report & { code: number }> {
  const run = await miglint('lint', dir, '--format', 'json');
  expect(run.stderr).not.toMatch(/internal error/);
  expect([0, 1, 2]).toContain(run.code);
  const report = JSON.parse(run.stdout) as Report;
  return { ...report, code: run.code };
}

const located = (report: Report) => report.findings.map((f) => `${f.ruleId} ${path.basename(f.file)}:${f.line}:${f.column}`);
const CREATE = 'CREATE TABLE a (id int PRIMARY KEY);\n';

describe('hostile folders', () => {
  it('0-byte files are empty migrations, not errors', async () => {
    const report = await lint(folder({ '001_a.sql': '', '002_b.sql': CREATE }));
    expect(report.code).toBe(0);
    expect(report.files).toBe(2);
    expect(located(report)).toContain('empty-migration 001_a.sql:1:1');
  });

  it('a file that is not UTF-8 is a parse error at 1:1, a finding (exit 1); the other files are still linted', async () => {
    const report = await lint(folder({ '001_a.sql': CREATE, '002_b.sql': Uint8Array.from([0x63, 0xff, 0xfe, 0x3b]) }));
    expect(report.code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.message}`)).toEqual([
      '002_b.sql:1:1 file is not valid UTF-8 text',
    ]);
  });

  it('a BOM and CRLF line endings keep lines and columns right', async () => {
    const report = await lint(folder({ '001_a.sql': `\uFEFF${CREATE}\r\nCREATE TABEL b (id int);\r\n` }));
    expect(report.code).toBe(1);
    expect(located(report)).toContain('parse-error 001_a.sql:3:8');
  });

  it('NUL bytes are reported where they are, and the statements around them still count', async () => {
    const report = await lint(folder({ '001_a.sql': `${CREATE}SELECT 1;\0\nCREATE TABLE b (id int PRIMARY KEY);\n` }));
    expect(report.code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:10 file contains a NUL byte',
    ]);
  });

  it('an unterminated dollar quote or comment is reported where it starts', async () => {
    const dollar = await lint(folder({ '001_a.sql': `${CREATE}CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n${CREATE}` }));
    expect(located(dollar).filter((l) => l.startsWith('parse-error'))).toEqual(['parse-error 001_a.sql:2:36']);
    const comment = await lint(folder({ '001_a.sql': `${CREATE}\n/* never closed\n${CREATE}` }));
    expect(located(comment).filter((l) => l.startsWith('parse-error'))).toEqual(['parse-error 001_a.sql:3:1']);
  });

  it('a 1 MB single line is linted, with findings at the right columns', async () => {
    const insert = 'INSERT INTO a VALUES (1); ';
    // The DELETE at the end is a finding of its own (data-in-migration groups by kind and table), a megabyte into the line.
    const line = `${CREATE.trim()} ${insert.repeat(Math.ceil(1_048_576 / insert.length))}DELETE FROM a;`;
    const report = await lint(folder({ '001_a.sql': `${line}\n`, '002_b.sql': 'CREATE TABEL b;\n' }));
    expect(report.code).toBe(1);
    expect(located(report)).toContain('parse-error 002_b.sql:1:8');
    expect(located(report)).toContain(`data-in-migration 001_a.sql:1:${CREATE.length + 1}`);
    expect(located(report)).toContain(`data-in-migration 001_a.sql:1:${line.lastIndexOf('DELETE') + 1}`);
  }, 60_000);

  it('symlink loops and dangling links in the folder end, and do not hide the real files', async () => {
    const dir = folder({ '001_a.sql': CREATE });
    mkdirSync(path.join(dir, 'nested'));
    symlinkSync('..', path.join(dir, 'nested', 'up'));
    symlinkSync(dir, path.join(dir, 'self'));
    symlinkSync('002_loop.sql', path.join(dir, '002_loop.sql'));
    symlinkSync('/nonexistent/file.sql', path.join(dir, '003_dangling.sql'));
    const report = await lint(dir);
    expect([0, 1]).toContain(report.code);
    expect(report.files).toBeGreaterThanOrEqual(1);
    expect(located(report).filter((l) => l.includes('001_a.sql'))).toEqual([]);
  });

  it('a folder named like a migration, and a FIFO, neither hang nor crash', async () => {
    const dir = folder({ '001_a.sql': CREATE });
    mkdirSync(path.join(dir, '002_b.sql'));
    execFileSync('mkfifo', [path.join(dir, '003_pipe.sql')]);
    const report = await lint(dir);
    expect([0, 2]).toContain(report.code);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is reported as a finding, exit 1 (skipped as root: root reads mode 000 files)', async () => {
    const dir = folder({ '001_a.sql': CREATE, '002_b.sql': CREATE });
    chmodSync(path.join(dir, '002_b.sql'), 0o000);
    const report = await lint(dir);
    expect(report.code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${path.basename(f.file)} ${f.message}`)).toEqual([
      '002_b.sql cannot read file (EACCES)',
    ]);
  });

  it('a missing folder, or a file given to a command that reads a folder, is a usage error, exit 2, nothing on stdout', async () => {
    const dir = folder({ '001_a.sql': CREATE });
    const runs = [
      await miglint('lint', path.join(dir, 'missing'), '--format', 'json'),
      await miglint('baseline', path.join(dir, '001_a.sql')),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^miglint: (No such folder|Not a folder)/);
    }
    // lint takes migration files too (what lint-staged passes): their folder is read whole.
    const file = await miglint('lint', path.join(dir, '001_a.sql'), '--format', 'json');
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout).files).toBe(1);
  });

  it('baseline -o over broken input writes the whole file or nothing, and leaves no temporary file', async () => {
    const dir = folder({ '001_a.sql': CREATE, '002_b.sql': 'CREATE TABLE b (id int;\n\0', '003_c.sql': Uint8Array.from([0xc3, 0x28]) });
    const printed = await miglint('baseline', dir);
    const target = path.join(dir, 'out', 'baseline.sql');
    mkdirSync(path.dirname(target));
    const written = await miglint('baseline', dir, '-o', target);
    expect(written.stderr).not.toMatch(/internal error/);
    if (written.code === 0) expect(readFileSync(target, 'utf8')).toBe(printed.stdout);
    else expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target)).filter((name) => name !== 'baseline.sql')).toEqual([]);
  });
});
