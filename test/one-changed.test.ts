import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFolder } from '../bench/generate.js';
import { CACHE_ENV } from '../src/cache/parse-cache.js';
import { lintFolder } from '../src/commands/lint.js';
import { discover } from '../src/discover/index.js';
import { loadFormatter } from '../src/format/index.js';
import { scratchFolders } from './support/scratch.js';

const EXAMPLES = path.join(import.meta.dirname, '..', 'examples');

/** Every example folder; two-sets holds two, each linted on its own. */
const EXAMPLE_FOLDERS = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => (entry.name === 'two-sets' ? ['two-sets/tenant', 'two-sets/multitenant'] : [entry.name]));

const scratch = scratchFolders();

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** `lint --format json` over the folder as its own working directory, with the cache given (`off`: cold). */
async function lintJson(dir: string, cache: string): Promise<string> {
  process.env[CACHE_ENV] = cache;
  const result = await lintFolder({ dir: '.' }, dir);
  return (await loadFormatter('json'))(result, { color: false });
}

const replayedFiles = (dir: string) => discover(dir, { cwd: dir }).files.filter((file) => file.replayed);

const STATEMENT = '\n-- edited\ncreate table incremental_probe (id int);\n';

/** Edits made between a run that fills the caches and the run compared with a cold one. */
const EDITS: [string, (dir: string) => void][] = [
  ['a statement added to the last file', (dir) => appendFileSync(replayedFiles(dir).at(-1)!.absolutePath, STATEMENT)],
  ['a syntax error in the last file', (dir) => appendFileSync(replayedFiles(dir).at(-1)!.absolutePath, '\ncreat table incremental_probe (id int);\n')],
  ['a statement added to the first file', (dir) => appendFileSync(replayedFiles(dir)[0]!.absolutePath, STATEMENT)],
];

describe('a lint run after a file changed', () => {
  const folders: [string, () => string][] = [
    ...EXAMPLE_FOLDERS.map((example): [string, () => string] => [
      `examples/${example}`,
      () => {
        const dir = scratchDir('miglint-');
        cpSync(path.join(EXAMPLES, example), dir, { recursive: true });
        return dir;
      },
    ]),
    [
      'a generated bench folder of 40 files',
      () => {
        const dir = scratchDir('miglint-bench-');
        generateFolder(dir, 40);
        return dir;
      },
    ],
  ];
  for (const [name, make] of folders) {
    for (const [edit, apply] of EDITS) {
      it(`gives a cold run's output byte for byte, from its caches, after ${edit}: ${name}`, async () => {
        const dir = make();
        const cache = scratchDir('miglint-cache-');
        await lintJson(dir, cache);
        // The next run has the other files' parses and, past one file, a checkpoint to resume from.
        const checkpoints = path.join(cache, 'replay');
        expect(existsSync(checkpoints) && readdirSync(checkpoints).length > 0).toBe(replayedFiles(dir).length > 1);
        apply(dir);
        expect(await lintJson(dir, cache)).toBe(await lintJson(dir, 'off'));
      });
    }
  }
});
