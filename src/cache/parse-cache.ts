/**
 * The parse cache: one entry per file content, in node_modules/.cache/miglint, so that a second
 * run over an unchanged folder skips the parser. Safe to delete at any time. Never stale: an
 * entry's key is the hash of the file's text, and entries live in a folder named after the hash
 * of the parser's own code and versions, so any change to either misses.
 *
 * An entry is a line of JSON describing the file's statements (kinds, positions, problems,
 * runner sections), then, when one parse of the whole file gave every statement, the parser's
 * own JSON text of their syntax trees, stored as it came: JSON.parse decodes it far faster than
 * the parser produces it, and nothing has to encode it again. A file parsed piece by piece
 * (one with syntax errors) keeps its trees in the first line instead. The parts cheap to
 * recompute from the source (statement text, line index) are not stored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node, ParseResult } from 'libpg-query';
import { dependencyManifest } from '../package-info.js';
import { bundleDigest } from './own-code.js';
import { BackgroundWriter } from './writer.js';
import type { MigrationFile } from '../discover/index.js';
import type { ParsedFile, ParseProblem, Statement } from '../parse/index.js';
import { SourcePositions } from '../parse/positions.js';

/** Set to `off` to disable the cache, or to a folder to keep it somewhere else. */
export const CACHE_ENV = 'MIGLINT_CACHE';

const FORMAT = 2;

/** Parser versions whose entries are kept side by side. */
const KEPT_VERSIONS = 3;

interface StoredStatement {
  index: number;
  kind: string;
  /** Absent when the entry's second line holds the trees. */
  node?: Node;
  start: number;
  end: number;
  line: number;
  column: number;
}

interface Header {
  format: typeof FORMAT;
  statements: StoredStatement[];
  problems: ParseProblem[];
  dialect: ParsedFile['dialect'];
  hasDownSection: boolean;
  metaCommands: ParsedFile['metaCommands'];
  /** True when the trees follow on the second line, as the parser wrote them. */
  treesFollow: boolean;
}

/**
 * The text to store for one parsed file, given the parser's JSON text of its trees when it has
 * it; null when the file must not be cached (unreadable).
 */
export function encodeEntry(parsed: ParsedFile, treeJson: string | null = null): string | null {
  if (parsed.file.source === null) return null;
  const header: Header = {
    format: FORMAT,
    statements: parsed.statements.map(({ index, kind, node, start, end, line, column }) =>
      treeJson === null ? { index, kind, node, start, end, line, column } : { index, kind, start, end, line, column },
    ),
    problems: parsed.problems,
    dialect: parsed.dialect,
    hasDownSection: parsed.hasDownSection,
    metaCommands: parsed.metaCommands,
    treesFollow: treeJson !== null,
  };
  try {
    const first = JSON.stringify(header);
    return treeJson === null ? first : `${first}\n${treeJson}`;
  } catch {
    // A tree too deep for JSON.stringify's recursion: parse it again next time rather than fail.
    return null;
  }
}

/** The parsed file an entry describes, for a file whose source has the entry's key; null if unusable. */
export function decodeEntry(text: string, file: MigrationFile): ParsedFile | null {
  const source = file.source;
  if (source === null) return null;
  const lineEnd = text.indexOf('\n');
  let header: Header;
  let trees: Node[] | null = null;
  try {
    header = JSON.parse(lineEnd === -1 ? text : text.slice(0, lineEnd)) as Header;
    if (header?.treesFollow) trees = ((JSON.parse(text.slice(lineEnd + 1)) as ParseResult).stmts ?? []).map((raw) => raw.stmt as Node);
  } catch {
    return null;
  }
  if (header === null || typeof header !== 'object' || header.format !== FORMAT || !Array.isArray(header.statements)) return null;
  if (header.treesFollow && (trees === null || trees.length !== header.statements.length)) return null;
  const statements: Statement[] = header.statements.map((stored, position) => ({
    index: stored.index,
    kind: stored.kind,
    node: trees ? trees[position]! : stored.node!,
    start: stored.start,
    end: stored.end,
    line: stored.line,
    column: stored.column,
    text: source.slice(stored.start, stored.end),
  }));
  return {
    file,
    statements,
    problems: header.problems,
    dialect: header.dialect,
    hasDownSection: header.hasDownSection,
    metaCommands: header.metaCommands,
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
  const bundle = bundleDigest();
  if (bundle !== null) {
    // The bundle's chunks do not keep the parser's modules apart: any change of it misses.
    hash.update(bundle);
  } else {
    const here = fileURLToPath(import.meta.url);
    const parseDir = path.join(path.dirname(here), '..', 'parse');
    hash.update(readFileSync(here));
    for (const name of readdirSync(parseDir).sort()) hash.update(name).update(readFileSync(path.join(parseDir, name)));
  }
  hash.update(readFileSync(dependencyManifest('libpg-query')));
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
  private written = 0;
  private readonly writer = new BackgroundWriter();

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
   * Stores an encoded entry, on a worker thread (see writer.ts): call flush() before the
   * process ends. Never throws: failures (read-only disk, full disk) only cost the next run a parse.
   */
  put(key: string, encoded: string): void {
    const target = this.entryPath(key);
    try {
      this.prepare();
    } catch {
      return;
    }
    this.writer.write(target, `${target}.${process.pid}.${++this.written}.tmp`, encoded);
  }

  /** Settles when every entry put so far is on disk. */
  flush(): Promise<void> {
    return this.writer.flush();
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

/**
 * After `written` was stored: deletes all but the `kept` newest files beside it whose names end
 * in `extension`, so that a cache folder stays bounded. `written` is always one of those kept
 * (files written within the same millisecond have the same age).
 */
export function keepNewest(written: string, extension: string, kept: number): void {
  const dir = path.dirname(written);
  const others = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((file) => file.endsWith(extension) && file !== written)
    .map((file) => ({ file, modified: statSync(file).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const { file } of others.slice(kept - 1)) rmSync(file, { force: true });
}
