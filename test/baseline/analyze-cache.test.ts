import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/do-types');

/** The built CLI in a fresh process: nothing has loaded the parser before the cache answers. */
function baselineFromBuiltCli(): string {
  return execFileSync(process.execPath, [path.join(root, 'bin/miglint.js'), 'baseline', fixture], { cwd: root, encoding: 'utf8' });
}

describe('analyze with the parse cache', () => {
  it('replays DO blocks the same way when every file comes from the cache (the parser is still loaded)', async () => {
    const expected = emitBaseline(await analyze(fixture, { cache: false }), { includeData: false });
    expect(expected).toContain("CREATE TYPE mood AS ENUM ('happy', 'sad');");
    baselineFromBuiltCli();
    expect(baselineFromBuiltCli()).toBe(expected);
  });
});
