import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { CACHE_ENV } from '../src/cache/parse-cache.js';
import { resolveRules } from '../src/effective-rules.js';
import { runRules, type Analysis } from '../src/lint/engine.js';
import { ReplayCheckpoints } from '../src/cache/replay-checkpoint.js';
import { replay } from '../src/replay/index.js';
import { RULES } from '../rules/index.js';
import { writeFolder } from './support/rule-tester.js';
import { scratchFolders } from './support/scratch.js';

const EXAMPLES = path.join(import.meta.dirname, '..', 'examples');

/** Every example folder; two-sets holds two, each linted on its own. */
const EXAMPLE_FOLDERS = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => (entry.name === 'two-sets' ? ['two-sets/tenant', 'two-sets/multitenant'] : [entry.name]));

const scratch = scratchFolders();

/** A scratch copy of a folder, with a private cache that the runs below use. */
function scratchCopy(files: Record<string, string> | string): string {
  const dir = typeof files === 'string' ? mkdtempSync(path.join(tmpdir(), 'miglint-')) : writeFolder(files);
  if (typeof files === 'string') cpSync(files, dir, { recursive: true });
  const cache = mkdtempSync(path.join(tmpdir(), 'miglint-cache-'));
  scratch.push(dir, cache);
  process.env[CACHE_ENV] = cache;
  return dir;
}

const run = (dir: string, cache = true) => analyze('.', { cwd: dir, cache });

/** What a run gives a user: the findings as `lint --format json` has them, the model and the history. */
function outcome(analysis: Analysis) {
  return { lint: JSON.parse(JSON.stringify(runRules(analysis, resolveRules(RULES, {}, null)))) as unknown, schema: analysis.schema, history: analysis.history };
}

/** How many files the next run resumes after, per the checkpoints on disk. */
async function resumesAfter(dir: string): Promise<number | null> {
  const analysis = await run(dir, false);
  const checkpoints = ReplayCheckpoints.open(dir, analysis.files.map((parsed) => parsed.file), analysis.preset);
  const files = checkpoints?.options().resume?.files ?? null;
  checkpoints?.close();
  return files;
}

/** How the replay of the folder as it is now uses the checkpoint on disk: whether it loads it, or lets it go unused. */
async function checkpointUse(dir: string): Promise<{ unused: number; loaded: number }> {
  const analysis = await run(dir, false);
  const checkpoints = ReplayCheckpoints.open(dir, analysis.files.map((parsed) => parsed.file), analysis.preset)!;
  const use = { unused: 0, loaded: 0 };
  try {
    const options = checkpoints.options();
    const resume = options.resume!;
    const counted = { ...resume, load: () => (use.loaded++, resume.load()), unused: () => (use.unused++, resume.unused()) };
    replay(analysis.files, analysis.preset, { ...options, resume: counted });
    // Once unused, its state and its file are let go of.
    if (use.unused > 0) expect(() => resume.load()).toThrow();
  } finally {
    checkpoints.close();
  }
  return use;
}

const lastReplayedFile = (analysis: Analysis) => path.join(analysis.files.filter((parsed) => parsed.file.replayed).at(-1)!.file.path);

describe('replay checkpoints', () => {
  for (const example of EXAMPLE_FOLDERS) {
    it(`resume after all but the last file and give the cold result: examples/${example}`, async () => {
      const dir = scratchCopy(path.join(EXAMPLES, example));
      const first = await run(dir);
      const replayedFiles = first.files.filter((parsed) => parsed.file.replayed).length;
      appendFileSync(path.resolve(dir, lastReplayedFile(first)), '\n-- edited before a commit\ncreate table incremental_probe (id int);\n');
      if (replayedFiles > 1) expect(await resumesAfter(dir)).toBe(replayedFiles - 1);
      expect(outcome(await run(dir))).toEqual(outcome(await run(dir, false)));
    });
  }

  it('are not used once an earlier file changed, and the result follows the edit', async () => {
    const dir = scratchCopy({
      '001_a.sql': 'create table a (id int primary key);\n',
      '002_b.sql': 'create table b (id int primary key, a_id int references a (id));\n',
      '003_c.sql': 'alter table b add column note text;\n',
    });
    const before = outcome(await run(dir));
    expect(await resumesAfter(dir)).toBe(2);
    expect(await checkpointUse(dir)).toEqual({ unused: 0, loaded: 1 });
    writeFileSync(path.join(dir, '001_a.sql'), 'create table a (id int primary key);\ndrop table a;\n');
    expect(await resumesAfter(dir)).toBe(null);
    const after = outcome(await run(dir));
    expect(after).toEqual(outcome(await run(dir, false)));
    expect(after.history.filter((event) => event.action === 'error').map((event) => `${event.origin.path}:${event.origin.line} ${event.name}`)).toEqual([
      '002_b.sql:1 public.b',
      '003_c.sql:1 public.b',
    ]);
    expect(after.lint).not.toEqual(before.lint);
  });

  it('are not resumed from when a later file now creates a relation an earlier file refers to', async () => {
    const dir = scratchCopy({
      '001_a.sql': 'create table a (id int primary key, t_id int references t (id));\n',
      '002_b.sql': 'create table b (id int primary key);\n',
      '003_c.sql': 'alter table b add column note text;\n',
    });
    const before = await run(dir);
    expect(before.history.filter((event) => event.action === 'error')).toEqual([]);
    appendFileSync(path.join(dir, '003_c.sql'), 'create table t (id int primary key);\n');
    expect(await checkpointUse(dir)).toEqual({ unused: 1, loaded: 0 });
    const after = await run(dir);
    expect(outcome(after)).toEqual(outcome(await run(dir, false)));
    expect(after.history.filter((event) => event.action === 'error').map((event) => `${event.origin.path}:${event.origin.line} ${event.objectType} ${event.name}`)).toEqual([
      '001_a.sql:1 table public.a',
    ]);
  });

  it('give a fresh copy of the state at each load, read from the checkpoint opened even once another run deleted it', async () => {
    const dir = scratchCopy({
      '001_a.sql': 'create table a (id int primary key);\n',
      '002_b.sql': 'create table b (id int primary key, a_id int references a (id));\n',
      '003_c.sql': 'alter table b add column note text;\n',
    });
    const first = await run(dir);
    const checkpoints = ReplayCheckpoints.open(dir, first.files.map((parsed) => parsed.file), first.preset)!;
    try {
      rmSync(path.join(process.env[CACHE_ENV]!, 'replay'), { recursive: true });
      const resume = checkpoints.options().resume!;
      expect(resume.files).toBe(2);
      const loaded = resume.load();
      const again = resume.load();
      expect(again).toEqual(loaded);
      expect(again.schema).not.toBe(loaded.schema);
      expect([...loaded.schema.tables.keys()]).toEqual(['public.a', 'public.b']);
      expect(loaded.history.map((event) => `${event.origin.path} ${event.action} ${event.name}`)).toEqual(
        first.history.filter((event) => event.origin.path !== '003_c.sql').map((event) => `${event.origin.path} ${event.action} ${event.name}`),
      );
    } finally {
      checkpoints.close();
    }
  });
});
