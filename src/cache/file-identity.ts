/** What the caches key a discovered file by: its name, runner metadata and text. */
import type { Hash } from 'node:crypto';
import type { MigrationFile } from '../discover/index.js';

/** Feeds the file's metadata and text to `hash` (an unreadable file's null text distinct from any text). */
export function hashFile(hash: Hash, file: MigrationFile): Hash {
  const { source, ...metadata } = file;
  hash.update(JSON.stringify(metadata)).update('\0');
  return hash.update(source === null ? '\u0001null' : `${source.length}\0`).update(source ?? '');
}
