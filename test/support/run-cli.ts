/** The built binary (bin/miglint.js, run from dist/), run as a user runs it. */
import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'miglint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function miglint(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const fullEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', MIGLINT_CACHE: 'off', ...env };
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: fullEnv }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Makes `dir` a git repository with one commit of everything in it. */
export function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'initial');
}

/** Each test starts Node a few times; on a busy machine that alone can take seconds. */
export const SLOW = { timeout: 120_000 };
