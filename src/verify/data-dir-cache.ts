/**
 * The platform database verify starts from, kept between runs: in PGlite, initdb and the
 * preset's SQL take seconds, loading the data directory they leave (PGlite's `dumpDataDir` tar)
 * a fraction of that. The tar lives in miglint's cache folder (see cache/parse-cache.ts), named after what
 * built it: PGlite's version, miglint's version and the preset's SQL and extensions, so that a
 * change to any of them builds a new one. It is written whole or not at all (write-atomic.ts),
 * and a file that does not end as a tar ends is never loaded.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { keepNewest } from '../cache/parse-cache.js';
import { dependencyManifest, packageInfo } from '../package-info.js';
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

function pgliteVersion(): string {
  return (JSON.parse(readFileSync(dependencyManifest('@electric-sql/pglite'), 'utf8')) as { version: string }).version;
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
      keepNewest(this.fileOf(key), '.tar', KEPT);
    } catch {
      // Not cached: the next run prepares the database again.
    }
  }
}
