import { existsSync } from 'node:fs';
import path from 'node:path';

/** The git work tree's top folder holding `dir` (where `.git` is, a folder or a worktree's file), or null. */
export function repositoryRoot(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return null;
  }
}
