/**
 * The platform database verify starts from, kept between runs: in PGlite, initdb and the
 * preset's SQL take seconds, loading the data directory they leave (PGlite's `dumpDataDir` tar)
 * a fraction of that. The tar lives in miglint's cache folder (see cache/parse-cache.ts), named after what
 * built it: PGlite's version, miglint's version and the preset's SQL and extensions, so that a
 * change to any of them builds a new one. It is written whole or not at all (write-atomic.ts),
 * and a file that does not end as a tar ends is never loaded.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageInfo } from '../package-info.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { PresetDatabase } from './preset.js';

/** Bumped when what goes into the data directory changes other than through the recipe. */
const FORMAT = 1;

/** Data directories of other recipes kept side by side (presets, and versions the CLI and tests take turns with). */
const KEPT = 4;

/** What a prepared data directory is made of. */
export interface DataDirRecipe {
  pgliteVersion: string;
  miglintVersion: string;
  preset: PresetDatabase;
}

export function currentRecipe(preset: PresetDatabase): DataDirRecipe {
  return { pgliteVersion: pgliteVersion(), miglintVersion: packageInfo().version, preset };
}

/** PGlite's package.json is not exported: it is found next to the entry point. */
function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (path.basename(dir) !== 'pglite' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function dataDirKey(recipe: DataDirRecipe): string {
  const { pgliteVersion: pglite, miglintVersion: miglint, preset } = recipe;
  const hash = createHash('sha1').update(JSON.stringify([FORMAT, pglite, miglint, preset.extensions, preset.sql]));
  return hash.digest('hex').slice(0, 16);
}

/** A tar ends with two empty 512-byte blocks: a file cut short does not. */
function isWholeTar(bytes: Uint8Array): boolean {
  return bytes.length >= 1024 && bytes.length % 512 === 0 && bytes.subarray(bytes.length - 1024).every((byte) => byte === 0);
}

export class DataDirCache {
  private readonly dir: string;

  /** `root`: miglint's cache folder (cacheRoot in cache/parse-cache.ts). */
  constructor(root: string) {
    this.dir = path.join(root, 'pglite');
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${key}.tar`);
  }

  /** The data directory stored under `key`, or null when there is none or it is not whole. */
  read(key: string): Uint8Array<ArrayBuffer> | null {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = readFileSync(this.fileOf(key));
    } catch {
      return null;
    }
    return isWholeTar(bytes) ? bytes : null;
  }

  /** Stores a data directory; never throws (a read-only or full disk only costs the next run an initdb). */
  write(key: string, tar: Uint8Array): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.fileOf(key), tar);
      this.prune(key);
    } catch {
      // Not cached: the next run prepares the database again.
    }
  }

  /** Removes all but the most recently written data directories. */
  private prune(kept: string): void {
    const others = readdirSync(this.dir)
      .filter((name) => /^[0-9a-f]{16}\.tar$/.test(name) && name !== `${kept}.tar`)
      .map((name) => ({ file: path.join(this.dir, name), modified: statSync(path.join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const { file } of others.slice(KEPT - 1)) rmSync(file, { force: true });
  }
}
