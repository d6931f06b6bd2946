import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { CACHE_ENV, contentKey, decodeEntry, defaultCacheDir, encodeEntry, ParseCache } from '../src/cache/parse-cache.js';
import { parseMigrationName } from '../src/discover/filename.js';
import type { MigrationFile } from '../src/discover/index.js';
import { loadParser, parseFile, parseFileWithTree, type ParsedFile } from '../src/parse/index.js';

beforeAll(() => loadParser());

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miglint-cache-'));
  scratch.push(dir);
  return dir;
}

function fileOf(source: string | null, name = '001_a.sql'): MigrationFile {
  return { ...parseMigrationName(name), absolutePath: `/m/${name}`, path: `m/${name}`, name, source, readError: source === null ? 'cannot read file (EACCES)' : null, replayed: true, order: 0, transactionMode: 'statements' };
}

/** Everything a parsed file holds that later stages read. */
function observable(parsed: ParsedFile) {
  return {
    statements: parsed.statements.map(({ index, kind, node, text, start, end, line, column }) => ({ index, kind, node, text, start, end, line, column })),
    problems: parsed.problems,
    dialect: parsed.dialect,
    hasDownSection: parsed.hasDownSection,
    metaCommands: parsed.metaCommands,
    lastPosition: parsed.positions?.positionOfByte(Buffer.byteLength(parsed.file.source ?? '')),
  };
}

const SOURCE = [
  '-- +goose Up',
  '-- naïve café ☕ comment before',
  'CREATE TABLE a (id int PRIMARY KEY, name text DEFAULT \'é\');',
  '\\set ON_ERROR_STOP on',
  'CREATE TABLE b (id int;',
  'ALTER TABLE a ADD COLUMN b text;',
  '-- +goose Down',
  'DROP TABLE a;',
  '',
].join('\r\n');

describe('cache entries', () => {
  it('decode to exactly what the parser returned (statements, text, positions, problems, sections)', () => {
    const file = fileOf(SOURCE);
    const parsed = parseFile(file);
    expect(parsed.problems.length).toBe(1);
    const decoded = decodeEntry(encodeEntry(parsed)!, file);
    expect(decoded).not.toBeNull();
    expect(observable(decoded!)).toEqual(observable(parsed));
    expect(decoded!.file).toBe(file);
  });

  it('store the parser\'s own JSON text of the trees after a header line when the whole file parsed at once', () => {
    const file = fileOf(SOURCE.replace('CREATE TABLE b (id int;', 'CREATE TABLE b (id int);'));
    const { parsed, treeJson } = parseFileWithTree(file);
    expect(parsed.problems).toEqual([]);
    expect(treeJson).not.toBeNull();
    const encoded = encodeEntry(parsed, treeJson)!;
    const [header, trees] = encoded.split('\n');
    expect(trees).toBe(treeJson);
    expect(header).not.toContain('CreateStmt":{');
    expect(observable(decodeEntry(encoded, file)!)).toEqual(observable(parsed));
  });

  it('keep the trees in the header line for a file parsed piece by piece', () => {
    const { parsed, treeJson } = parseFileWithTree(fileOf(SOURCE));
    expect(treeJson).toBeNull();
    expect(encodeEntry(parsed, treeJson)).not.toContain('\n');
  });

  it('decode to a miss when the trees line is damaged or does not match the header', () => {
    const file = fileOf('CREATE TABLE a (id int); CREATE TABLE b (id int);');
    const { parsed, treeJson } = parseFileWithTree(file);
    const encoded = encodeEntry(parsed, treeJson)!;
    expect(decodeEntry(encoded.slice(0, -5), file)).toBeNull();
    const oneTree = parseFileWithTree(fileOf('CREATE TABLE a (id int);')).treeJson!;
    expect(decodeEntry(`${encoded.split('\n')[0]}\n${oneTree}`, file)).toBeNull();
  });

  it('are not written for unreadable files, and garbage or another format decodes to a miss', () => {
    expect(encodeEntry(parseFile(fileOf(null)))).toBeNull();
    const file = fileOf('SELECT 1;');
    expect(decodeEntry('{"format":1,"statements":[', file)).toBeNull();
    expect(decodeEntry('null', file)).toBeNull();
    expect(decodeEntry('{"format":0,"statements":[]}', file)).toBeNull();
    expect(decodeEntry(encodeEntry(parseFile(file))!, fileOf(null))).toBeNull();
  });

  it('are keyed by content', () => {
    expect(contentKey('SELECT 1;')).toBe(contentKey('SELECT 1;'));
    expect(contentKey('SELECT 1;')).not.toBe(contentKey('SELECT 2;'));
  });
});

describe('ParseCache', () => {
  it('stores and finds entries by key; other parser versions get their own folder, the oldest beyond three are removed', async () => {
    const root = temporaryDir();
    const file = fileOf('CREATE TABLE a (id int);');
    const key = contentKey(file.source!);
    const first = new ParseCache(root, 'aaaaaaaaaaaaaaaa');
    expect(first.get(file, key)).toBeNull();
    first.put(key, encodeEntry(parseFile(file))!);
    await first.flush();
    expect(first.get(file, key)?.statements.map((statement) => statement.text)).toEqual(['CREATE TABLE a (id int)']);

    const versions = ['bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd'];
    for (const [age, fingerprint] of versions.entries()) {
      const cache = new ParseCache(root, fingerprint);
      expect(cache.get(file, key)).toBeNull();
      cache.put(key, encodeEntry(parseFile(file))!);
      await cache.flush();
      const stamp = new Date(Date.now() + (age + 1) * 60_000);
      utimesSync(path.join(root, fingerprint), stamp, stamp);
    }
    expect(readdirSync(root).sort()).toEqual(versions);
  });

  it('has every entry on disk once flushed, whether a few (written on flush) or many (written by its worker)', async () => {
    for (const count of [1, 40]) {
      const root = temporaryDir();
      const cache = new ParseCache(root, 'eeeeeeeeeeeeeeee');
      const files = Array.from({ length: count }, (_, index) => fileOf(`CREATE TABLE t${index} (id int);`));
      for (const file of files) cache.put(contentKey(file.source!), encodeEntry(parseFile(file))!);
      await cache.flush();
      expect(files.map((file) => cache.get(file, contentKey(file.source!))?.statements[0]?.text)).toEqual(files.map((_, index) => `CREATE TABLE t${index} (id int)`));
      expect(readdirSync(path.join(root, 'eeeeeeeeeeeeeeee')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('treats a corrupt entry as a miss', async () => {
    const root = temporaryDir();
    const file = fileOf('SELECT 1;');
    const key = contentKey(file.source!);
    const cache = new ParseCache(root, 'cccccccccccccccc');
    cache.put(key, '{"format":1,"statem');
    await cache.flush();
    expect(cache.get(file, key)).toBeNull();
  });

  it('never fails a run when it cannot write', async () => {
    const blocker = path.join(temporaryDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const cache = new ParseCache(blocker, 'dddddddddddddddd');
    expect(() => cache.put('k', '{}')).not.toThrow();
    await cache.flush();
  });

  it('lives in node_modules/.cache/miglint of the nearest package, can be moved or turned off', () => {
    const project = temporaryDir();
    writeFileSync(path.join(project, 'package.json'), '{}');
    const nested = path.join(project, 'supabase');
    expect(defaultCacheDir(nested)).toBe(path.join(project, 'node_modules', '.cache', 'miglint'));
    expect(ParseCache.open(project, { [CACHE_ENV]: 'off' })).toBeNull();
    expect(ParseCache.open(project, {})).toBeInstanceOf(ParseCache);
  });
});

describe('analyze with the cache', () => {
  it('gives the same result from the cache, and never a stale one after a file changes', async () => {
    const dir = temporaryDir();
    const cacheRoot = temporaryDir();
    writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE a (id int);\n');
    writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id int);\nALTER TABLE a ADD COLUMN x text;\n');
    const previous = process.env[CACHE_ENV];
    process.env[CACHE_ENV] = cacheRoot;
    try {
      const cold = await analyze(dir, { cwd: dir });
      const entries = readdirSync(path.join(cacheRoot, readdirSync(cacheRoot)[0]!));
      expect(entries.length).toBe(2);
      const warm = await analyze(dir, { cwd: dir });
      expect(warm.files.map(observable)).toEqual(cold.files.map(observable));
      expect([...warm.schema.tables.keys()]).toEqual([...cold.schema.tables.keys()]);

      writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE c (id int);\n');
      const changed = await analyze(dir, { cwd: dir });
      expect(changed.files[1]!.statements.map((statement) => statement.text)).toEqual(['CREATE TABLE c (id int)']);
      expect([...changed.schema.tables.keys()].sort()).toEqual(['public.a', 'public.c']);
    } finally {
      if (previous === undefined) delete process.env[CACHE_ENV];
      else process.env[CACHE_ENV] = previous;
    }
  });
});
