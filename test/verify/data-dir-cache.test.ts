/** verify's prepared platform database: keyed by what built it, never loaded unless whole, and the same results as no cache. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDiscovery } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { discover } from '../../src/discover/index.js';
import { currentRecipe, dataDirKey, DataDirCache, type DataDirRecipe } from '../../src/verify/data-dir-cache.js';
import { verify } from '../../src/verify/index.js';
import { PRESET_DATABASES } from '../../src/verify/preset.js';
import { writeFolder } from '../support/rule-tester.js';

const SLOW = 240_000;
const scratch: string[] = [];
const temporaryDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'miglint-data-dir-'));
  scratch.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A tar's shape: 512-byte blocks ending with two empty ones. */
const tarOf = (fill: number) => new Uint8Array([...new Uint8Array(1536).fill(fill), ...new Uint8Array(1024)]);

describe('the prepared data directory is keyed by what built it', () => {
  const recipe: DataDirRecipe = { pgliteVersion: '0.5.16', miglintVersion: '0.1.0', preset: PRESET_DATABASES.supabase };

  it('the same recipe gives the same key', () => {
    expect(dataDirKey({ ...recipe, preset: { ...recipe.preset } })).toBe(dataDirKey(recipe));
  });

  it.each<[string, DataDirRecipe]>([
    ['another PGlite version', { ...recipe, pgliteVersion: '0.5.17' }],
    ['another miglint version', { ...recipe, miglintVersion: '0.2.0' }],
    ['a changed preset SQL', { ...recipe, preset: { ...recipe.preset, sql: `${recipe.preset.sql}\ncreate schema realtime;` } }],
    ['another preset extension', { ...recipe, preset: { ...recipe.preset, extensions: [...recipe.preset.extensions, 'pg_trgm'] } }],
    ['another preset', { ...recipe, preset: PRESET_DATABASES.none }],
  ])('%s gives another key', (_, changed) => {
    expect(dataDirKey(changed)).not.toBe(dataDirKey(recipe));
  });

  it("the current recipe names the installed PGlite's version", () => {
    const installed = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
    expect(currentRecipe(PRESET_DATABASES.none).pgliteVersion).toBe(installed.version);
  });
});

describe('the data directory cache never hands out a partial file', () => {
  it('reads back what it wrote, and nothing under another key', () => {
    const cache = new DataDirCache(temporaryDir());
    cache.write('0123456789abcdef', tarOf(1));
    expect(new Uint8Array(cache.read('0123456789abcdef')!)).toEqual(tarOf(1));
    expect(cache.read('fedcba9876543210')).toBeNull();
  });

  it('does not read a file cut short, nor the temporary file an interrupted write leaves', () => {
    const root = temporaryDir();
    const cache = new DataDirCache(root);
    cache.write('0123456789abcdef', tarOf(1));
    const file = path.join(root, 'pglite', '0123456789abcdef.tar');
    truncateSync(file, 1800);
    expect(cache.read('0123456789abcdef')).toBeNull();
    rmSync(file);
    writeFileSync(path.join(root, 'pglite', '.fedcba9876543210.tar.12345.tmp'), tarOf(2));
    expect(cache.read('fedcba9876543210')).toBeNull();
  });

  it('a failed write throws nothing and leaves no file under the key', () => {
    const root = temporaryDir();
    writeFileSync(path.join(root, 'pglite'), 'a file where the folder should be');
    const cache = new DataDirCache(root);
    expect(() => cache.write('0123456789abcdef', tarOf(1))).not.toThrow();
    expect(cache.read('0123456789abcdef')).toBeNull();
  });

  it('keeps the most recent data directories only', () => {
    const root = temporaryDir();
    const cache = new DataDirCache(root);
    for (const key of ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004', '0000000000000005']) cache.write(key, tarOf(1));
    expect(readdirSync(path.join(root, 'pglite')).filter((name) => name.endsWith('.tar'))).toHaveLength(4);
    expect(cache.read('0000000000000005')).not.toBeNull();
  });
});

describe('verify from the cached data directory reports what verify without a cache reports', () => {
  it(
    'no cache, a cache being filled, the cache read, and a cache file cut short all give one report',
    async () => {
      const dir = writeFolder({
        'supabase/migrations/20240101000000_a.sql': 'create table public.notes (id int primary key, owner uuid references auth.users (id));\ncreate index on public.notes (owner);\n',
        'supabase/migrations/20240102000000_b.sql': 'alter table public.notes add column body text;\nalter table public.notes add constraint body_check check (length(bodyy) > 0);\n',
        'supabase/migrations/20240103000000_c.sql': 'create extension if not exists vector;\ncreate table public.docs (id int, embedding vector(3));\ngrant select on public.docs to reader;\n',
      });
      scratch.push(dir);
      const discovery = discover(path.join(dir, 'supabase/migrations'), { cwd: dir });
      const analysis = await analyzeDiscovery(discovery, { cwd: dir, preset: undefined });
      const input = { files: analysis.files, baseline: { name: 'baseline', text: emitBaseline(analysis, { includeData: false }) }, preset: analysis.preset };
      const cacheRoot = temporaryDir();
      const uncached = await verify(input);
      expect(uncached.chainRejections.map(({ where, message }) => `${where} ${message}`)).toEqual([
        expect.stringMatching(/20240102000000_b\.sql:2 column "bodyy" does not exist$/),
      ]);
      expect(uncached.assumedRoles).toEqual(['reader']);
      expect(uncached.standIns).toEqual(['vector']);
      expect(await verify({ ...input, cacheRoot })).toEqual(uncached);
      const [file] = readdirSync(path.join(cacheRoot, 'pglite'));
      expect(await verify({ ...input, cacheRoot })).toEqual(uncached);
      truncateSync(path.join(cacheRoot, 'pglite', file!), 5_000_000);
      expect(await verify({ ...input, cacheRoot })).toEqual(uncached);
    },
    SLOW,
  );
});
