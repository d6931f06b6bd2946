/**
 * The bundled command line (dist/cli/, what bin/miglint.js runs) keys its caches on the bundle:
 * a run of other code never reads their entries. Run on a copy of the built package, whose
 * bundle the test edits.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'miglint-bundle-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(copy: string, dir: string, cache: string): string {
  return execFileSync(process.execPath, [path.join(copy, 'bin', 'miglint.js'), 'lint', dir, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, MIGLINT_CACHE: cache, NO_COLOR: '1' },
  });
}

/** The parse cache's folders (one per parser fingerprint, named after it) and the stored results. */
function entries(cache: string): { parserFolders: string[]; results: string[] } {
  return {
    parserFolders: readdirSync(cache).filter((name) => /^[0-9a-f]{16}$/.test(name)),
    results: readdirSync(path.join(cache, 'results')),
  };
}

describe('the bundled CLI', () => {
  it('keys the parse cache and the result cache on its bundle: an edited bundle misses both', { timeout: 60_000 }, () => {
    const copy = path.join(scratch, 'miglint');
    for (const entry of ['package.json', 'bin', 'dist/cli']) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const dir = path.join(scratch, 'migrations');
    cpSync(path.join(ROOT, 'examples', 'clean'), dir, { recursive: true });
    writeFileSync(path.join(dir, '0007_more.sql'), 'CREATE TABLE more (id bigint PRIMARY KEY);\n');
    const cache = path.join(scratch, 'cache');

    const first = lint(copy, dir, cache);
    expect(lint(copy, dir, cache)).toBe(first);
    const before = entries(cache);
    expect(before.parserFolders).toHaveLength(1);
    expect(before.results).toHaveLength(1);

    appendFileSync(path.join(copy, 'dist', 'cli', 'cli.js'), '\n// edited\n');
    expect(lint(copy, dir, cache)).toBe(first);
    const after = entries(cache);
    expect(after.parserFolders).toHaveLength(2);
    expect(after.results).toHaveLength(2);
  });
});
