/** miglint's own package.json: its version and where its repository is, for reports that name the tool. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  version: string;
  /** The repository's web address (no trailing slash), when package.json names one on GitHub. */
  repositoryUrl: string | null;
}

let cached: PackageInfo | null = null;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  // src/ in tests, dist/src/ when built: the manifest is the first package.json above.
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    let text: string | null = null;
    try {
      text = readFileSync(path.join(dir, 'package.json'), 'utf8');
    } catch {
      if (path.dirname(dir) === dir) throw new Error('miglint cannot find its own package.json');
      continue;
    }
    const manifest = JSON.parse(text) as { version?: string; repository?: string | { url?: string } };
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    cached = { version: manifest.version ?? '0.0.0', repositoryUrl: repository ? webAddress(repository) : null };
    return cached;
  }
}

/** The path of an installed dependency's package.json: the first one above its entry point that names a package. */
export function dependencyManifest(name: string): string {
  const entryPoint = createRequire(import.meta.url).resolve(name);
  for (let dir = path.dirname(entryPoint); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    try {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown };
      if (typeof manifest.name === 'string') return candidate;
    } catch {
      // not here (or a package.json without a name, like a "type" marker): look further up
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${entryPoint}`);
  }
}

/** `git+https://github.com/o/r.git`, `github:o/r` or `o/r` as https://github.com/o/r. */
export function webAddress(repository: string): string | null {
  const match = /^(?:git\+)?(?:https?:\/\/|git@|ssh:\/\/git@)?(?:github\.com[/:])?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(repository.replace(/^github:/, ''));
  return match ? `https://github.com/${match[1]}` : null;
}
