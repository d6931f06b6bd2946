/**
 * miglint's own code as this process runs it, for the caches' keys: an entry written by other
 * code is never read. The code is either the bundled command line (dist/cli/, one folder of
 * chunks that does not keep the modules apart) or the modules as tsc built them (or, in tests,
 * the TypeScript): src/ and rules/.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `true` in the bundle (scripts/bundle-cli.mjs defines it), undeclared anywhere else. */
declare const MIGLINT_BUNDLED: boolean | undefined;

/** The bundle's folder when this process runs the bundled command line, else null. */
function bundleFolder(): string | null {
  return typeof MIGLINT_BUNDLED !== 'undefined' && MIGLINT_BUNDLED ? path.dirname(fileURLToPath(import.meta.url)) : null;
}

let bundle: { digest: string | null } | null = null;

/**
 * The hash of every file of the bundle when this process runs the bundled command line, else
 * null. Computed once per process: the parse cache and the result cache both key on it.
 */
export function bundleDigest(): string | null {
  bundle ??= (() => {
    const folder = bundleFolder();
    if (folder === null) return { digest: null };
    const hash = createHash('sha1');
    hashFolder(hash, folder);
    return { digest: hash.digest('hex') };
  })();
  return bundle.digest;
}

/** Every file under `dir`, its path and bytes, in name order. */
export function hashFolder(hash: Hash, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFolder(hash, full);
    else if (entry.isFile()) hash.update(full).update('\0').update(readFileSync(full));
  }
}
