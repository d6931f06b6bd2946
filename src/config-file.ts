/**
 * Finding the configuration: `miglint.config.json`, or a `miglint` key in package.json, from the
 * working directory up, read as JSON but not yet validated. Its own module, without the schema,
 * so that a run without a configuration never loads the validator (src/config.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

export const CONFIG_FILE = 'miglint.config.json';

export interface FoundConfig {
  /** The file it came from. */
  file: string;
  /** The value as written, not yet validated. */
  value: unknown;
  /** `miglint` when the value is package.json's `miglint` key, else null. */
  key: string | null;
}

/** The configuration an explicit path names, or the nearest one from `cwd` up; null when there is none. */
export function findConfig(cwd: string, explicitPath?: string): FoundConfig | null {
  if (explicitPath) {
    const file = path.resolve(cwd, explicitPath);
    if (!existsSync(file)) throw new UsageError(`Config file not found: ${explicitPath}`);
    return { file, value: readJson(file), key: null };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE);
    if (existsSync(file)) return { file, value: readJson(file), key: null };
    const packageFile = path.join(dir, 'package.json');
    if (existsSync(packageFile)) {
      const manifest = readJson(packageFile) as Record<string, unknown> | null;
      if (manifest && typeof manifest === 'object' && 'miglint' in manifest) return { file: packageFile, value: manifest.miglint, key: 'miglint' };
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}
