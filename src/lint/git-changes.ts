/**
 * The files git says changed, for `lint --changed` (staged) and `lint --since <ref>` (added,
 * modified or renamed since the ref, committed or not, untracked files included). Deleted files
 * are left out: they have no findings to show.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export type ChangeSet = { staged: true } | { since: string };

/** Absolute real paths of the changed files under `dir`. */
export function changedFiles(dir: string, changes: ChangeSet): Set<string> {
  const flag = 'since' in changes ? `--since ${changes.since}` : '--changed';
  const root = git(dir, ['rev-parse', '--show-toplevel'], (message) =>
    /not a git repository/i.test(message) ? `${flag} needs a git repository, and ${dir} is not in one.` : null,
  ).trim();
  const names = ['diff', '--name-only', '-z', '--diff-filter=ACMR', '--find-renames'];
  let listed: string;
  if ('since' in changes) {
    const ref = changes.since;
    git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], () => `--since: git knows no commit "${ref}" (a branch, tag or commit).`);
    // Since the branch left the ref: changes made on the ref's side after that are not this branch's.
    listed = git(root, [...names, '--merge-base', ref, '--', '.'], null) + git(root, ['ls-files', '-z', '--others', '--exclude-standard'], null);
  } else {
    listed = git(root, [...names, '--cached', '--', '.'], null);
  }
  const realRoot = realpathSync(root);
  return new Set(listed.split('\0').filter(Boolean).map((name) => path.join(realRoot, name)));
}

/** Runs git; a failure is a usage error worded by `explain` when it knows the case, else git's own words. */
function git(cwd: string, args: string[], explain: ((message: string) => string | null) | null): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new UsageError('--changed and --since need git, and git is not installed (or not on PATH).');
    const message = (failure.stderr ?? '').trim() || failure.message;
    throw new UsageError(explain?.(message) ?? `git ${args[0]} failed: ${message}`);
  }
}
