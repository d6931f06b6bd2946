import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { compareVersions, parseMigrationName, type NameScheme, type ParsedName } from './filename.js';
import { UsageError } from '../errors.js';
import { isMiglintBaseline } from '../baseline/header.js';
import { runsInTransaction } from './transactions.js';
import { SUM_FILE, type SumSource } from '../sum.js';

export const LAYOUTS = [
  'supabase',
  'timestamp',
  'numbered',
  'golang-migrate',
  'flyway',
  'diesel',
  'dbmate',
  'goose',
] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface MigrationFile extends ParsedName {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Relative to the current directory, `/`-separated: what findings print. */
  path: string;
  /** Relative to the migrations folder, `/`-separated. */
  name: string;
  /** The text, BOM removed; null when the file could not be read as UTF-8. */
  source: string | null;
  readError: string | null;
  /** False for files a runner never applies forward (down and undo scripts). */
  replayed: boolean;
  /** Position in the order a runner would apply the folder. */
  order: number;
  /** True when the runner applies the file in one transaction (see transactions.ts). */
  transaction: boolean;
}

export interface Discovery {
  dir: string;
  layout: Layout;
  files: MigrationFile[];
  /** The folder's miglint.sum, when there is one. */
  sum: SumSource | null;
}

export interface DiscoverOptions {
  layout?: Layout | undefined;
  ignore?: string[] | undefined;
  cwd?: string | undefined;
}

const SCHEMES_BY_LAYOUT: Record<Layout, Exclude<NameScheme, 'none'>> = {
  supabase: 'plain',
  timestamp: 'plain',
  numbered: 'plain',
  dbmate: 'plain',
  goose: 'plain',
  'golang-migrate': 'golang-migrate',
  flyway: 'flyway',
  diesel: 'diesel',
};

/** Where `miglint` looks for a migrations folder when none is given, in this order. */
export const USUAL_PLACES = ['supabase/migrations', 'migrations', 'db/migrations'] as const;

/** The folder `miglint lint` reads when none is given. */
export function defaultMigrationsDir(cwd: string): string | null {
  return USUAL_PLACES.find((candidate) => existsSync(path.join(cwd, candidate))) ?? null;
}

/**
 * A project folder given where a migrations folder is expected (`miglint lint my-app`) means
 * its migrations folder, when it holds no .sql file itself but one of the usual places exists.
 */
export function resolveMigrationsDir(dir: string, cwd: string): string {
  const absolute = path.resolve(cwd, dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) return dir;
  if (fg.sync('*.sql', { cwd: absolute, caseSensitiveMatch: false }).length > 0) return dir;
  const inside = defaultMigrationsDir(absolute);
  return inside ? path.join(dir, inside) : dir;
}

export function discover(dir: string, options: DiscoverOptions = {}): Discovery {
  const cwd = options.cwd ?? process.cwd();
  const absoluteDir = path.resolve(cwd, resolveMigrationsDir(dir, cwd));
  if (!existsSync(absoluteDir)) throw new UsageError(`No such folder: ${dir}`);
  if (!statSync(absoluteDir).isDirectory()) throw new UsageError(`Not a folder: ${dir}`);

  const names = fg
    .sync('**/*.sql', {
      cwd: absoluteDir,
      deep: 3,
      caseSensitiveMatch: false,
      // Symbolic links are listed, not followed: a linked file is read through its link (a
      // dangling one is reported), and a linked folder cannot loop.
      followSymbolicLinks: false,
      onlyFiles: false,
      objectMode: true,
      suppressErrors: true,
      ignore: ['**/node_modules/**', ...(options.ignore ?? [])],
    })
    .filter((entry) => entry.dirent.isFile() || (entry.dirent.isSymbolicLink() && linksToFileOrNothing(path.join(absoluteDir, entry.path))))
    .map((entry) => entry.path)
    .sort();

  const sources = new Map(names.map((name) => [name, readSource(path.join(absoluteDir, name))]));
  // A baseline miglint wrote into the folder consolidates the chain; it is not part of it.
  const candidates = names
    .filter((name) => !isMiglintBaseline(sources.get(name)!.source))
    .map((name) => ({ name, parsed: parseMigrationName(name) }));
  const layout = options.layout ?? detectLayout(absoluteDir, candidates, sources);
  const accepted = SCHEMES_BY_LAYOUT[layout];

  const files = candidates
    .filter(({ name, parsed }) => isMigration(name, parsed, accepted))
    .map(({ name, parsed }): MigrationFile => {
      const absolutePath = path.join(absoluteDir, name);
      const { source, readError } = sources.get(name)!;
      const asRunnerReadsIt = parsed.scheme === accepted ? parsed : parseMigrationName(name, accepted);
      const meaning: ParsedName = asRunnerReadsIt.scheme === accepted ? asRunnerReadsIt : unversioned(name, asRunnerReadsIt);
      return {
        ...meaning,
        absolutePath,
        path: toDisplayPath(cwd, absolutePath),
        name,
        source,
        readError,
        replayed: meaning.direction !== 'down' && !meaning.undo,
        order: 0,
        transaction: runsInTransaction(layout, absolutePath, source),
      };
    })
    .sort((a, b) => compareRunnerOrder(layout, a, b));
  files.forEach((file, index) => (file.order = index));
  return { dir: absoluteDir, layout, files, sum: readSum(absoluteDir, cwd) };
}

/** Nested files are migrations only where the runner reads subfolders (Diesel, Flyway). */
function isMigration(name: string, parsed: ParsedName, accepted: NameScheme): boolean {
  if (!name.includes('/')) return accepted !== 'diesel' || parsed.scheme === 'diesel';
  return (accepted === 'diesel' && parsed.scheme === 'diesel') || accepted === 'flyway';
}

function unversioned(name: string, parsed: ParsedName): ParsedName {
  const base = name.split('/').pop() ?? name;
  return {
    ...parsed,
    scheme: 'none',
    version: null,
    versionParts: [],
    repeatable: false,
    undo: false,
    description: base.replace(/\.sql$/i, ''),
  };
}

function detectLayout(
  dir: string,
  candidates: { name: string; parsed: ParsedName }[],
  sources: Map<string, { source: string | null }>,
): Layout {
  const count = (scheme: NameScheme) => candidates.filter((c) => c.parsed.scheme === scheme).length;
  const specific = (['golang-migrate', 'flyway', 'diesel'] as const)
    .map((scheme) => ({ scheme, n: count(scheme) }))
    .sort((a, b) => b.n - a.n)[0]!;
  if (specific.n > 0 && specific.n >= count('plain')) return specific.scheme;

  const texts = [...sources.values()].map((s) => s.source ?? '');
  // Most files carry the runner's annotations; one stray annotated file in another folder does not make it that runner's.
  const annotated = (pattern: RegExp) => texts.filter((text) => pattern.test(text)).length * 2 > texts.length;
  if (annotated(/^--\s*\+goose\s+up\b/im)) return 'goose';
  if (annotated(/^--\s*migrate:up\b/im)) return 'dbmate';

  const normalized = dir.split(path.sep).join('/');
  if (/(^|\/)supabase\/migrations$/.test(normalized) || existsSync(path.join(dir, '..', 'config.toml'))) {
    return 'supabase';
  }
  const plain = candidates.filter((c) => c.parsed.scheme === 'plain');
  const timestamped = plain.filter((c) => (c.parsed.version ?? '').length >= 12).length;
  return plain.length > 0 && timestamped * 2 > plain.length ? 'timestamp' : 'numbered';
}

/**
 * Versioned files by version then name, then unversioned files by name, then Flyway repeatables.
 * The Supabase CLI applies its files in name order (it lists the folder sorted by name and never
 * sorts versions), so there an 8-digit `20250821_x` runs among the 14-digit files of that day.
 */
function compareRunnerOrder(layout: Layout, a: MigrationFile, b: MigrationFile): number {
  const rank = (file: MigrationFile) => (file.repeatable ? 2 : file.version === null ? 1 : 0);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const byVersion = layout === 'supabase' ? 0 : compareVersions(a.versionParts, b.versionParts);
  if (byVersion !== 0) return byVersion;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A link to a regular file, or a dangling link (reported when read); not a folder, FIFO or device. */
function linksToFileOrNothing(absolutePath: string): boolean {
  try {
    const target = statSync(absolutePath, { throwIfNoEntry: false });
    return target === undefined || target.isFile();
  } catch {
    return true; // a link loop: reading it reports ELOOP
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readSource(absolutePath: string): { source: string | null; readError: string | null } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const dangling = code === 'ENOENT' && lstatSync(absolutePath, { throwIfNoEntry: false })?.isSymbolicLink();
    if (dangling) return { source: null, readError: 'broken symbolic link: its target does not exist' };
    if (code === 'ELOOP') return { source: null, readError: 'symbolic link loop: the link points back to itself' };
    return { source: null, readError: `cannot read file (${code})` };
  }
  try {
    return { source: UTF8.decode(bytes).replace(/^\uFEFF/, ''), readError: null };
  } catch {
    return { source: null, readError: 'file is not valid UTF-8 text' };
  }
}

function readSum(dir: string, cwd: string): SumSource | null {
  const file = path.join(dir, SUM_FILE);
  const shown = toDisplayPath(cwd, file);
  try {
    return { path: shown, text: readFileSync(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`Cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

export function toDisplayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  // Only a path on another Windows drive has no relative form.
  return (path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/');
}
