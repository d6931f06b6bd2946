/**
 * The parse cache: one entry per file content, in node_modules/.cache/miglint, so that a second
 * run over an unchanged folder skips the parser. Safe to delete at any time. Never stale: an
 * entry's key is the hash of the file's text, and entries live in a folder named after the hash
 * of the parser's own code and versions, so any change to either misses.
 *
 * An entry is the parse result as JSON (the statements' syntax trees as libpg-query returns
 * them), which JSON.parse decodes far faster than the parser produces it; the parts cheap to
 * recompute from the source (statement text, line index) are not stored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'libpg-query';
import type { MigrationFile } from './discover/index.js';
import type { ParsedFile, ParseProblem, Statement } from './parse/index.js';
import { SourcePositions } from './parse/positions.js';

/** Set to `off` to disable the cache, or to a folder to keep it somewhere else. */
export const CACHE_ENV = 'MIGLINT_CACHE';

const FORMAT = 1;

/** Parser versions whose entries are kept side by side. */
const KEPT_VERSIONS = 3;

interface StoredStatement {
  index: number;
  kind: string;
  node: Node;
  start: number;
  end: number;
  line: number;
  column: number;
}

interface Entry {
  format: typeof FORMAT;
  statements: StoredStatement[];
  problems: ParseProblem[];
  dialect: ParsedFile['dialect'];
  hasDownSection: boolean;
  metaCommands: ParsedFile['metaCommands'];
}

/** The text to store for one parsed file, or null when it must not be cached (unreadable). */
export function encodeEntry(parsed: ParsedFile): string | null {
  if (parsed.file.source === null) return null;
  const entry: Entry = {
    format: FORMAT,
    statements: parsed.statements.map(({ index, kind, node, start, end, line, column }) => ({
      index,
      kind,
      node,
      start,
      end,
      line,
      column,
    })),
    problems: parsed.problems,
    dialect: parsed.dialect,
    hasDownSection: parsed.hasDownSection,
    metaCommands: parsed.metaCommands,
  };
  try {
    return JSON.stringify(entry);
  } catch {
    // A tree too deep for JSON.stringify's recursion: parse it again next time rather than fail.
    return null;
  }
}

/** The parsed file an entry describes, for a file whose source has the entry's key; null if unusable. */
export function decodeEntry(text: string, file: MigrationFile): ParsedFile | null {
  const source = file.source;
  if (source === null) return null;
  let entry: Entry;
  try {
    entry = JSON.parse(text) as Entry;
  } catch {
    return null;
  }
  if (entry === null || typeof entry !== 'object' || entry.format !== FORMAT || !Array.isArray(entry.statements)) return null;
  const statements: Statement[] = entry.statements.map((stored) => ({ ...stored, text: source.slice(stored.start, stored.end) }));
  return {
    file,
    statements,
    problems: entry.problems,
    dialect: entry.dialect,
    hasDownSection: entry.hasDownSection,
    metaCommands: entry.metaCommands,
    positions: new SourcePositions(source),
  };
}

export function contentKey(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}

/**
 * What the cached results depend on besides the file's text: miglint's and libpg-query's
 * versions and the parse code itself (so an edited parser never reads old entries).
 */
function parserFingerprint(): string {
  const hash = createHash('sha1');
  const here = fileURLToPath(import.meta.url);
  const parseDir = path.join(path.dirname(here), 'parse');
  hash.update(readFileSync(here));
  for (const name of readdirSync(parseDir).sort()) hash.update(name).update(readFileSync(path.join(parseDir, name)));
  const require = createRequire(import.meta.url);
  hash.update(readFileSync(path.join(path.dirname(require.resolve('libpg-query')), '..', 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

/** `<package root>/node_modules/.cache/miglint` for the nearest package.json at or above `cwd`. */
export function defaultCacheDir(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'miglint');
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The folder miglint's caches live in for this run, per the environment; null when caching is off. */
export function cacheRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env[CACHE_ENV];
  if (setting === 'off' || setting === '0' || setting === 'false') return null;
  return setting ? path.resolve(cwd, setting) : defaultCacheDir(cwd);
}

export class ParseCache {
  private readonly dir: string;
  private prepared = false;

  constructor(
    private readonly root: string,
    fingerprint: string = parserFingerprint(),
  ) {
    this.dir = path.join(root, fingerprint);
  }

  /** The cache for this run: per the environment, else under the nearest package; null when off. */
  static open(cwd: string, env: NodeJS.ProcessEnv = process.env): ParseCache | null {
    const root = cacheRoot(cwd, env);
    try {
      return root ? new ParseCache(root) : null;
    } catch {
      return null;
    }
  }

  private entryPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** The cached parse of `file`, or null on a miss or an unreadable entry. */
  get(file: MigrationFile, key: string): ParsedFile | null {
    let text: string;
    try {
      text = readFileSync(this.entryPath(key), 'utf8');
    } catch {
      return null;
    }
    return decodeEntry(text, file);
  }

  /**
   * Stores an encoded entry through a temporary file and a rename, so that a reader never sees
   * half an entry. Synchronous: an entry is freed as soon as it is written (asynchronous writes
   * held thousands of them, and cost more in scheduling than the write itself). Never throws:
   * failures (read-only disk, full disk) only cost the next run a parse.
   */
  put(key: string, encoded: string): void {
    const target = this.entryPath(key);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      this.prepare();
      writeFileSync(temporary, encoded);
      renameSync(temporary, target);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written where nothing can be removed.
      }
    }
  }

  /**
   * Creates this parser's folder and removes the oldest folders of other parser versions,
   * keeping a few: the built CLI and the test runner (which hashes the TypeScript sources) take
   * turns, and must not wipe each other's entries.
   */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    if (existsSync(this.dir)) return;
    mkdirSync(this.dir, { recursive: true });
    const others = readdirSync(this.root)
      .filter((name) => /^[0-9a-f]{16}$/.test(name) && path.join(this.root, name) !== this.dir)
      .map((name) => ({ dir: path.join(this.root, name), modified: statSync(path.join(this.root, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const { dir } of others.slice(KEPT_VERSIONS - 1)) rmSync(dir, { recursive: true, force: true });
  }
}
