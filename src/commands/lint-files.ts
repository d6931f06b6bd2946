/**
 * `miglint lint a.sql b.sql` (what lint-staged and pre-commit pass): findings are about the
 * history across files, so each file's whole migrations folder is replayed, once per folder,
 * and only the findings located in the given files are kept (src/lint/only-files.ts).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultMigrationsDir, toDisplayPath } from '../discover/index.js';
import type { LintResult } from '../lint/engine.js';
import { UsageError } from '../errors.js';

/** How far above a file's own folder a `migrations` folder still owns it (Diesel's and Prisma's `<version>_name/up.sql`). */
const LEVELS_ABOVE = 2;

/**
 * The migrations folder of each file, as an absolute path, with the files (as findings print
 * them) it holds. A file belongs to the configured or usual migrations folder when it is inside
 * it, else to the nearest `migrations` folder above it, else to its own folder.
 */
export function groupByMigrationsFolder(files: string[], configured: string | undefined, cwd: string): Map<string, Set<string>> {
  const known = [configured, defaultMigrationsDir(cwd)].filter((dir): dir is string => dir !== undefined && dir !== null).map((dir) => path.resolve(cwd, dir));
  const groups = new Map<string, Set<string>>();
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    if (!existsSync(absolute)) throw new UsageError(`No such file: ${file}`);
    if (!statSync(absolute).isFile()) throw new UsageError(`Not a file: ${file}. Give one migrations folder, or migration files.`);
    if (!/\.sql$/i.test(absolute)) throw new UsageError(`Not a .sql file: ${file}`);
    const folder = known.find((dir) => isInside(absolute, dir)) ?? nearestMigrationsFolder(absolute) ?? path.dirname(absolute);
    const group = groups.get(folder) ?? new Set<string>();
    group.add(toDisplayPath(cwd, absolute));
    groups.set(folder, group);
  }
  return groups;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function nearestMigrationsFolder(file: string): string | null {
  let dir = path.dirname(file);
  for (let level = 0; level <= LEVELS_ABOVE; level++, dir = path.dirname(dir)) {
    if (path.basename(dir) === 'migrations') return dir;
  }
  return null;
}

/** Several folders' results as one: their counts added, their findings folder after folder. */
export function mergeResults(results: LintResult[]): LintResult {
  return {
    files: results.reduce((sum, result) => sum + result.files, 0),
    statements: results.reduce((sum, result) => sum + result.statements, 0),
    findings: results.flatMap((result) => result.findings),
    ruleFailures: results.flatMap((result) => result.ruleFailures),
  };
}

/** `lint` takes one folder, or migration files. */
export function folderOrFiles(paths: string[], cwd: string): { dir?: string; files?: string[] } {
  const isFile = (given: string) => statSync(path.resolve(cwd, given), { throwIfNoEntry: false })?.isFile() === true;
  if (paths.length === 0) return {};
  if (paths.length === 1 && !isFile(paths[0]!)) return { dir: paths[0]! };
  const notFiles = paths.filter((given) => !isFile(given));
  if (notFiles.length > 0) throw new UsageError(`Give one migrations folder, or migration files; not a file: ${notFiles.join(', ')}`);
  return { files: paths };
}
