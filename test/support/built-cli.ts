/** The built binary (bin/miglint.js over dist/), run as a user runs it, and temporary git repositories to run it in. */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFolder } from './rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'miglint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function miglint(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const fullEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', MIGLINT_CACHE: 'off', ...env };
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: fullEnv }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A git repository holding `files`, committed on branch main. */
export function gitRepo(files: Record<string, string>): string {
  const dir = writeFolder(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

/** `file:line ruleId` of each finding in a `--format json` run: what a reader checks first. */
export function places(run: Run): string[] {
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);
}
