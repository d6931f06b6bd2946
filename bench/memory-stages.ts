/**
 * Where a cold lint's memory is: the heap after a forced GC at each stage of the pipeline
 * (discover, parse, replay, rules), then after dropping the trees and the history, in one process.
 * `node --expose-gc dist/bench/memory-stages.js <folder>`. It calls the stages as analyze.ts and
 * the lint command do, without the caches.
 */
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

async function main(folder: string): Promise<void> {
  stage('start');
  const discovery = discover(folder);
  stage('discovered');
  await loadParser();
  stage('parser loaded');
  const files = discovery.files.map((file) => parseFileWithTree(file).parsed);
  stage('parsed');
  const { preset } = detectPreset(discovery.layout, undefined, discovery.files.map((file) => file.source));
  const replayed = replay(files, preset);
  stage('replayed');
  const analysis = { layout: discovery.layout, sum: null, preset, unplaced: [], runnerIssues: [], providedRoles: [], files, ...replayed };
  const result = runRules(analysis, resolveRules(RULES, {}, null));
  stage(`rules (${result.findings.length} findings)`);
  for (const parsed of files) for (const statement of parsed.statements) (statement as { node: unknown }).node = undefined;
  stage('trees dropped');
  replayed.history.length = 0;
  stage('history dropped');
}

const [folder] = process.argv.slice(2);
if (!gc || !folder) {
  process.stderr.write('usage: node --expose-gc dist/bench/memory-stages.js <folder>\n');
  process.exitCode = 2;
} else {
  await main(folder);
}
