/**
 * The databases verify compares both start from one data directory: PGlite after initdb and
 * the preset's SQL (roles, schemas, extensions, the platform's tables). It is made once, by a
 * fresh PGlite, and kept in the cache (data-dir-cache.ts) when there is one; each database then
 * starts by loading it, which skips initdb.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Preset } from '../presets.js';
import { run } from './apply.js';
import { currentRecipe, dataDirKey, DataDirCache } from './data-dir-cache.js';
import { loadExtensions } from './extensions.js';
import { PRESET_DATABASES } from './preset.js';

export interface PlatformImage {
  /** PGlite's dump of the prepared data directory. */
  dataDir: Blob;
  /** The database that made it, when it was made in this run: ready for use as the first database. */
  made: PGlite | null;
}

/** The prepared data directory for `preset`: from the cache under `cacheRoot` (null: no cache), else made now. */
export async function platformImage(preset: Preset, extensions: string[], cacheRoot: string | null): Promise<PlatformImage> {
  const cache = cacheRoot === null ? null : new DataDirCache(cacheRoot);
  const key = dataDirKey(currentRecipe(PRESET_DATABASES[preset]));
  const cached = cache?.read(key);
  if (cached) return { dataDir: new Blob([cached]), made: null };
  const made = await startFresh(extensions, preset);
  // The checkpoint leaves a data directory that starts without replaying the preset's WAL.
  await made.exec('checkpoint');
  const dataDir = await made.dumpDataDir('none');
  cache?.write(key, new Uint8Array(await dataDir.arrayBuffer()));
  return { dataDir, made };
}

async function startFresh(extensions: string[], preset: Preset): Promise<PGlite> {
  const db = new PGlite({ extensions: await loadExtensions(extensions) });
  await db.waitReady;
  const { sql } = PRESET_DATABASES[preset];
  if (sql) {
    const problem = await run(db, sql);
    if (problem) throw new Error(`the ${preset} preset failed in PGlite: ${problem}`);
  }
  return db;
}

/** A database started from the image, with the extensions given loadable. */
export async function startFromImage(image: PlatformImage, extensions: string[]): Promise<PGlite> {
  const db = new PGlite({ loadDataDir: image.dataDir, extensions: await loadExtensions(extensions) });
  await db.waitReady;
  return db;
}
