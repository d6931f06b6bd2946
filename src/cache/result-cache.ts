/**
 * The result cache: a lint run over a folder in which nothing changed is served from the
 * findings of the previous run, without parsing, replay or rules. Never stale: the key is the
 * hash of everything a lint result depends on (every discovered file's name, runner metadata
 * and text, the folder's miglint.sum, the layout, the configured rule settings, the preset, the
 * working directory the paths are shown from), and of miglint's own code and the versions of the
 * libraries whose output reaches the findings. Lives next to the parse cache; safe to delete.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyManifest } from '../package-info.js';
import { hashFile } from './file-identity.js';
import { bundleDigest, hashFolder } from './own-code.js';
import { cacheRoot, keepNewest } from './parse-cache.js';
import type { Config } from '../config.js';
import type { Discovery } from '../discover/index.js';
import type { LintResult } from '../lint/engine.js';
import type { Preset } from '../presets.js';

const FORMAT = 1;

/** Results kept (the newest by write time); each is one folder state's findings. */
const KEPT_RESULTS = 16;

export interface LintInputs {
  cwd: string;
  discovery: Discovery;
  /**
   * The configuration's rule settings as written (validated). With miglint's own code in the
   * key they decide the effective rules, so a hit needs neither the rules nor their options' schemas.
   */
  ruleSettings: Config['rules'];
  preset: Preset | undefined;
}

export function lintResultKey(inputs: LintInputs): string {
  const hash = createHash('sha1');
  hash.update(`${FORMAT}\0${codeFingerprint()}\0${inputs.cwd}\0${inputs.discovery.dir}\0${inputs.discovery.layout}\0`);
  hash.update(`${inputs.preset ?? ''}\0${JSON.stringify(inputs.ruleSettings ?? null)}\0`);
  hash.update(JSON.stringify([inputs.discovery.unplaced, inputs.discovery.runnerIssues, inputs.discovery.providedRoles])).update('\0');
  const sum = inputs.discovery.sum;
  hash.update(sum === null ? '\u0001nosum' : `${sum.path}\0${sum.text.length}\0${sum.text}`).update('\0');
  for (const file of inputs.discovery.files) hashFile(hash, file);
  return hash.digest('hex');
}

let fingerprint: string | null = null;

/** miglint's code (the bundle, or every module of src/ and rules/ as loaded: built .js or, in tests, .ts) and its parsers' versions. */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha1');
  const bundle = bundleDigest();
  if (bundle !== null) hash.update(bundle);
  else {
    const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    for (const folder of ['src', 'rules']) hashFolder(hash, path.join(codeRoot, folder));
  }
  for (const library of ['libpg-query', 'pgsql-deparser', 'zod']) {
    hash.update(library).update(readFileSync(dependencyManifest(library)));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

export class ResultCache {
  private constructor(private readonly dir: string) {}

  /** The cache for this run, or null when caching is off or miglint's code cannot be read. */
  static open(cwd: string, env: NodeJS.ProcessEnv = process.env): ResultCache | null {
    const root = cacheRoot(cwd, env);
    if (root === null) return null;
    try {
      codeFingerprint();
    } catch {
      return null;
    }
    return new ResultCache(path.join(root, 'results'));
  }

  private entryPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** The stored result for `key`, or null on a miss or an unreadable entry. */
  get(key: string): LintResult | null {
    try {
      const entry = JSON.parse(readFileSync(this.entryPath(key), 'utf8')) as { format?: unknown; result?: LintResult };
      return entry.format === FORMAT && entry.result ? entry.result : null;
    } catch {
      return null;
    }
  }

  /**
   * Stores a result through a temporary file and a rename (a reader never sees half of one),
   * then drops the oldest beyond the few kept. Failures only cost the next run its speed.
   */
  put(key: string, result: LintResult): void {
    const target = this.entryPath(key);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, result }));
      renameSync(temporary, target);
      keepNewest(target, '.json', KEPT_RESULTS);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

}
