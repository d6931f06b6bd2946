import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { CACHE_ENV } from '../../src/cache/parse-cache.js';

/**
 * The scratch folders a test file makes: whatever a test pushes is removed after it, and the
 * cache setting (MIGLINT_CACHE) it may change is restored.
 */
export function scratchFolders(): string[] {
  const scratch: string[] = [];
  const previousSetting = process.env[CACHE_ENV];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
    if (previousSetting === undefined) delete process.env[CACHE_ENV];
    else process.env[CACHE_ENV] = previousSetting;
  });
  return scratch;
}
