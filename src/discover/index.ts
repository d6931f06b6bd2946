import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { compareVersions, parseMigrationName, type NameScheme, type ParsedName } from './filename.js';
import { UsageError } from '../errors.js';
import { usesSupabase } from '../supabase-usage.js';
import { isMiglintBaseline } from '../baseline/marker.js';
import { nothingFoundMessage } from './nothing-found.js';
import { drizzlePlacement, graphilePlacement, prismaPlacement, runnerMarker, sqitchPlacement, type RunnerPlacement, type RunnerProblem } from './runner-files.js';
import { gmrcText, graphilePlaceholderRoles, graphilePlaceholderValues, withGraphilePlaceholders } from './graphile-placeholders.js';
import { transactionMode, type TransactionMode } from './transactions.js';
import { NODE_PG_MIGRATE_UP, nodePgMigrateUp } from '../parse/sections.js';
import { USUAL_PLACES } from './layouts.js';
import type { Layout } from './layouts.js';
import { SUM_FILE, type SumSource } from '../sum.js';

export { LAYOUTS, USUAL_PLACES, type Layout } from './layouts.js';

export interface MigrationFile extends ParsedName {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Relative to the current directory, `/`-separated: what findings print. */
  path: string;
  /** Relative to the migrations folder, `/`-separated. */
  name: string;
  /**
   * The text, BOM removed, as the runner sends it: graphile-migrate's placeholders replaced,
   * node-pg-migrate's down section blanked; null when the file could not be read as UTF-8.
   */
  source: string | null;
  readError: string | null;
  /** False for files a runner never applies forward (down and undo scripts). */
  replayed: boolean;
  /** Position in the order a runner would apply the folder. */
  order: number;
  /** How the runner sends the file to PostgreSQL (see transactions.ts; transaction-block.ts reads it). */
  transactionMode: TransactionMode;
}

/** A .sql file under the migrations folder that the layout's runner never applies. */
export interface UnplacedFile {
  /** Relative to the current directory, `/`-separated. */
  path: string;
  /** Relative to the migrations folder. */
  name: string;
}

/** What the runner's own order or integrity file (journal, plan, hash chain) says is wrong. */
export interface RunnerIssue {
  path: string;
  line: number;
  message: string;
}

export interface Discovery {
  dir: string;
  layout: Layout;
  /** Why this layout: given, or what in the folder showed it. */
  layoutReason: string;
  files: MigrationFile[];
  unplaced: UnplacedFile[];
  runnerIssues: RunnerIssue[];
  /** Roles the runner's environment provides (graphile-migrate's placeholders), as the model names them. */
  providedRoles: string[];
  /** The folder's miglint.sum, when there is one. */
  sum: SumSource | null;
}

/** Layouts whose runner orders migrations by its own order file or folder names, not by a version. */
export const ORDERED_BY_RUNNER_FILES: ReadonlySet<Layout> = new Set(['prisma', 'drizzle', 'sqitch', 'graphile-migrate']);

export interface DiscoverOptions {
  layout?: Layout | undefined;
  ignore?: string[] | undefined;
  cwd?: string | undefined;
}

type VersionLayout = Exclude<Layout, 'prisma' | 'drizzle' | 'sqitch' | 'graphile-migrate'>;

const SCHEMES_BY_LAYOUT: Record<VersionLayout, Exclude<NameScheme, 'none'>> = {
  supabase: 'plain',
  timestamp: 'plain',
  numbered: 'plain',
  dbmate: 'plain',
  goose: 'plain',
  'node-pg-migrate': 'plain',
  'golang-migrate': 'golang-migrate',
  flyway: 'flyway',
  diesel: 'diesel',
};


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
      deep: 6,
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
  const baselines = names.filter((name) => isMiglintBaseline(sources.get(name)!.source));
  const candidates = names.filter((name) => !baselines.includes(name)).map((name) => ({ name, parsed: parseMigrationName(name) }));
  const detected = options.layout ? { layout: options.layout, because: 'given' } : detectLayout(absoluteDir, candidates, sources);
  const layout = detected.layout;
  const placement = placeFiles(layout, absoluteDir, candidates, (name) => sources.get(name)?.source ?? null);
  const placeholders = layout === 'graphile-migrate' ? graphilePlaceholderValues(gmrcText(absoluteDir)) : new Map<string, string>();

  const asRunnerSendsIt = (source: string): string => {
    if (layout === 'graphile-migrate') return withGraphilePlaceholders(source, placeholders);
    if (layout === 'node-pg-migrate') return nodePgMigrateUp(source);
    return source;
  };
  const toFile = ({ name, meaning }: { name: string; meaning: ParsedName }): MigrationFile => {
    const absolutePath = path.join(absoluteDir, name);
    const { source, readError } = sources.get(name)!;
    return {
      ...meaning,
      absolutePath,
      path: toDisplayPath(cwd, absolutePath),
      name,
      source: source === null ? null : asRunnerSendsIt(source),
      readError,
      replayed: meaning.direction !== 'down' && !meaning.undo,
      order: 0,
      transactionMode: transactionMode(layout, absolutePath, name, source),
    };
  };
  const files = ORDERED_BY_RUNNER_FILES.has(layout)
    ? placement.applied.map(toFile)
    : placement.applied.map(toFile).sort((a, b) => compareRunnerOrder(layout, a, b));
  files.forEach((file, index) => (file.order = index));

  if (files.length === 0) {
    throw new UsageError(nothingFoundMessage(dir, absoluteDir, names, baselines, layout, options.layout !== undefined));
  }
  const placed = new Set([...files.map((file) => file.name), ...placement.known]);
  const unplaced = candidates
    .filter(({ name }) => !placed.has(name))
    .map(({ name }) => ({ name, path: toDisplayPath(cwd, path.join(absoluteDir, name)) }));
  const runnerIssues = placement.problems.map((problem: RunnerProblem) => ({
    path: toDisplayPath(cwd, path.join(absoluteDir, problem.name)),
    line: problem.line,
    message: problem.message,
  }));
  const providedRoles = layout === 'graphile-migrate' ? graphilePlaceholderRoles(files.map((file) => sources.get(file.name)!.source), placeholders) : [];
  return { dir: absoluteDir, layout, layoutReason: detected.because, files, unplaced, runnerIssues, providedRoles, sum: readSum(absoluteDir, cwd) };
}

/** The files the layout's runner applies, with what their names mean to it. */
function placeFiles(
  layout: Layout,
  dir: string,
  candidates: { name: string; parsed: ParsedName }[],
  sourceOf: (name: string) => string | null,
): RunnerPlacement {
  const names = candidates.map((candidate) => candidate.name);
  switch (layout) {
    case 'prisma':
      return prismaPlacement(names);
    case 'drizzle':
      return drizzlePlacement(dir, names);
    case 'sqitch':
      return sqitchPlacement(dir, names);
    case 'graphile-migrate':
      return graphilePlacement(dir, names, sourceOf);
    default: {
      const accepted = SCHEMES_BY_LAYOUT[layout];
      const applied = candidates
        .filter(({ name, parsed }) => isMigration(name, parsed, accepted))
        .map(({ name, parsed }) => {
          const asRunnerReadsIt = parsed.scheme === accepted ? parsed : parseMigrationName(name, accepted);
          return { name, meaning: asRunnerReadsIt.scheme === accepted ? asRunnerReadsIt : unversioned(name, asRunnerReadsIt) };
        });
      return { applied, known: new Set(), problems: [] };
    }
  }
}

/** Nested files are migrations only where the runner reads subfolders (Diesel; Flyway's subfolders of its location). */
function isMigration(name: string, parsed: ParsedName, accepted: NameScheme): boolean {
  if (!name.includes('/')) return accepted !== 'diesel' || parsed.scheme === 'diesel';
  if (accepted === 'diesel') return parsed.scheme === 'diesel' && name.split('/').length === 2;
  return accepted === 'flyway' && parsed.scheme === 'flyway';
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
): { layout: Layout; because: string } {
  const marker = runnerMarker(dir, candidates.map((candidate) => candidate.name));
  if (marker) return marker;

  const count = (scheme: NameScheme) => candidates.filter((c) => c.parsed.scheme === scheme).length;
  const specific = (['golang-migrate', 'flyway', 'diesel'] as const)
    .map((scheme) => ({ scheme, n: count(scheme) }))
    .sort((a, b) => b.n - a.n)[0]!;
  if (specific.n > 0 && specific.n >= count('plain')) return { layout: specific.scheme, because: `${specific.n} file names in its format` };

  const texts = [...sources.values()].map((s) => s.source ?? '');
  // Most files carry the runner's annotations; one stray annotated file in another folder does not make it that runner's.
  const annotated = (pattern: RegExp) => texts.filter((text) => pattern.test(text)).length * 2 > texts.length;
  if (annotated(/^--\s*\+goose\s+up\b/im)) return { layout: 'goose', because: '-- +goose Up annotations' };
  if (annotated(/^--\s*migrate:up\b/im)) return { layout: 'dbmate', because: '-- migrate:up annotations' };

  const normalized = dir.split(path.sep).join('/');
  if (/(^|\/)supabase\/migrations$/.test(normalized)) return { layout: 'supabase', because: 'the folder is supabase/migrations' };
  const config = supabaseConfigAbove(dir);
  if (config) return { layout: 'supabase', because: `${config} above it` };
  // After the Supabase checks: there these are ordinary comments, and the Supabase CLI runs what follows them.
  if (annotated(NODE_PG_MIGRATE_UP)) return { layout: 'node-pg-migrate', because: '-- Up Migration comments' };
  const plain = candidates.filter((c) => c.parsed.scheme === 'plain');
  const timestamped = plain.filter((c) => (c.parsed.version ?? '').length >= 12).length;
  const dated = plain.filter((c) => (c.parsed.version ?? '').length >= 8).length;
  // Versions of 8 and 14 digits side by side are what the Supabase CLI accepts and orders by name.
  const mixedDates = timestamped > 0 && dated > timestamped && dated * 2 > plain.length;
  if (mixedDates && usesSupabase(texts)) return { layout: 'supabase', because: 'dated versions of 8 and 14 digits in a folder that uses Supabase objects (the Supabase CLI orders them by name)' };
  if (plain.length > 0 && timestamped * 2 > plain.length) return { layout: 'timestamp', because: `${timestamped} of ${plain.length} versions are timestamps` };
  return { layout: 'numbered', because: `${plain.length} numbered file names` };
}

/** A Supabase project's config.toml next to the folder or up to three folders above it. */
function supabaseConfigAbove(dir: string): string | null {
  let folder = dir;
  for (let level = 0; level < 4; level++) {
    const parent = path.dirname(folder);
    if (path.basename(folder) === 'supabase' && existsSync(path.join(folder, 'config.toml'))) return path.relative(dir, path.join(folder, 'config.toml')).split(path.sep).join('/');
    if (level > 0 && existsSync(path.join(folder, 'supabase', 'config.toml'))) return path.relative(dir, path.join(folder, 'supabase', 'config.toml')).split(path.sep).join('/');
    if (parent === folder) break;
    folder = parent;
  }
  return existsSync(path.join(dir, '..', 'config.toml')) ? '../config.toml' : null;
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
