/**
 * Where a lint's memory is: the heap after a forced GC at each stage of the pipeline
 * (discover, parse, replay, rules), then after dropping the trees and the history, in one process.
 * `node --expose-gc dist/bench/memory-stages.js <folder> [--resume]`. It calls the stages as
 * analyze.ts and the lint command do, without the caches; with `--resume`, as a run after the
 * last file changed: one untimed run fills a private cache first, then the stages read the
 * replay checkpoint and the parse cache, and the replay resumes before the last file.
 * (The filling run is a child process, so that nothing of it stays in this one's heap.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CACHE_ENV, contentKey, ParseCache } from '../src/cache/parse-cache.js';
import { ReplayCheckpoints } from '../src/cache/replay-checkpoint.js';
import { discover } from '../src/discover/index.js';
import { runRules } from '../src/lint/engine.js';
import { resolveRules } from '../src/effective-rules.js';
import { loadParser, parseFileWithTree } from '../src/parse/index.js';
import { detectPreset } from '../src/presets.js';
import { replay } from '../src/replay/index.js';
import { RULES } from '../rules/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
let last = process.hrtime.bigint();

function stage(name: string): void {
  gc!();
  const memory = process.memoryUsage();
  const now = process.hrtime.bigint();
  process.stdout.write(
    `${name.padEnd(24)} heap ${megabytes(memory.heapUsed).padStart(7)}  outside the heap ${megabytes(memory.external).padStart(7)}  ` +
      `rss ${megabytes(memory.rss).padStart(7)}  (${(Number(now - last) / 1e9).toFixed(2)} s)\n`,
  );
  last = process.hrtime.bigint();
}

async function main(folder: string, resume: boolean): Promise<void> {
  stage('start');
  const discovery = discover(folder);
  stage('discovered');
  const { preset } = detectPreset(discovery.layout, undefined, discovery.files.map((file) => file.source));
  const checkpoints = resume ? ReplayCheckpoints.open(process.cwd(), discovery.files, preset) : null;
  if (checkpoints) stage(`checkpoint read (${checkpoints.options().resume?.files ?? 0} files)`);
  await loadParser();
  stage('parser loaded');
  const cache = resume ? ParseCache.open(process.cwd()) : null;
  const files = discovery.files.map((file) => (cache && file.source !== null ? cache.get(file, contentKey(file.source)) : null) ?? parseFileWithTree(file).parsed);
  stage('parsed');
  const replayed = replay(files, preset, checkpoints?.options());
  checkpoints?.close();
  stage('replayed');
  const analysis = { layout: discovery.layout, sum: null, preset, unplaced: [], runnerIssues: [], providedRoles: [], files, ...replayed };
  const result = runRules(analysis, resolveRules(RULES, {}, null));
  stage(`rules (${result.findings.length} findings)`);
  for (const parsed of files) for (const statement of parsed.statements) (statement as { node: unknown }).node = undefined;
  stage('trees dropped');
  replayed.history.length = 0;
  stage('history dropped');
}

const [folder, flag] = process.argv.slice(2);
if (!gc || !folder || (flag !== undefined && flag !== '--resume')) {
  process.stderr.write('usage: node --expose-gc dist/bench/memory-stages.js <folder> [--resume]\n');
  process.exitCode = 2;
} else if (flag === '--resume') {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'miglint-memory-stages-'));
  process.env[CACHE_ENV] = cacheDir;
  try {
    const cli = path.join(import.meta.dirname, '..', '..', 'bin', 'miglint.js');
    const filled = spawnSync(process.execPath, [cli, 'lint', folder, '--format', 'json'], { stdio: 'ignore' });
    // 0 and 1 (findings) are a finished lint.
    if (filled.status !== 0 && filled.status !== 1) throw new Error(`the run filling the cache failed (exit ${filled.status})`);
    await main(folder, true);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
} else {
  await main(folder, false);
}
