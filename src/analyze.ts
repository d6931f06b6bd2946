/** The pipeline every command shares: discover, parse (through the parse cache), replay. */
import { contentKey, encodeEntry, ParseCache } from './cache/parse-cache.js';
import { discover, type DiscoverOptions, type Discovery, type MigrationFile } from './discover/index.js';
import type { Analysis } from './lint/engine.js';
import { loadParser, parseFileWithTree, type ParsedFile } from './parse/index.js';
import { detectPreset, type Preset } from './presets.js';
import { replay, type Replay } from './replay/index.js';
import { ReplayCheckpoints } from './cache/replay-checkpoint.js';
import { parseSum } from './sum.js';

export interface AnalyzeOptions extends DiscoverOptions {
  /** The platform preset from configuration; detected from the layout when absent. */
  preset?: Preset | undefined;
  /** False to bypass the parse cache (tests that must not touch the disk). */
  cache?: boolean | undefined;
  /** True when this process will run no other WebAssembly (no PGlite): a short parse may then compile quicker (see loadParser). */
  parserIsTheOnlyWasm?: boolean | undefined;
}

/** Up to this much SQL to parse, the parser's quicker baseline-only compile costs less CPU than it loses. */
const BASELINE_COMPILER_MAX_BYTES = 8 * 1024 * 1024;

export async function analyze(dir: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  return analyzeDiscovery(discover(dir, options), options);
}

/** Parses and replays the files a discovery found (for callers that look at them first). */
export async function analyzeDiscovery(discovery: Discovery, options: AnalyzeOptions = {}): Promise<Analysis> {
  const cache = options.cache === false ? null : ParseCache.open(options.cwd ?? process.cwd());
  const { preset } = detectPreset(discovery.layout, options.preset, discovery.files.map((file) => file.source));
  // Opened before the files are parsed: it reads the checkpoint's state now (see its open()).
  const checkpoints = options.cache === false ? null : ReplayCheckpoints.open(options.cwd ?? process.cwd(), discovery.files, preset);
  let replayed: Replay;
  let files: ParsedFile[];
  try {
    files = await parseAll(discovery.files, cache, options.parserIsTheOnlyWasm === true);
    // Replay parses DO-block bodies with the same parser: it must be loaded even when every file
    // came from the cache.
    await loadParser({ baselineCompilerOnly: options.parserIsTheOnlyWasm === true });
    // The cache's writes go on during replay; they are waited for only afterwards.
    replayed = replay(files, preset, checkpoints?.options());
  } finally {
    checkpoints?.close();
  }
  await cache?.flush();
  return {
    layout: discovery.layout,
    sum: discovery.sum ? parseSum(discovery.sum) : null,
    preset,
    unplaced: discovery.unplaced,
    runnerIssues: discovery.runnerIssues,
    providedRoles: discovery.providedRoles,
    files,
    ...replayed,
  };
}

/** Parses every file, reading unchanged ones from the cache and storing the new ones in it. */
async function parseAll(files: MigrationFile[], cache: ParseCache | null, parserIsTheOnlyWasm: boolean): Promise<ParsedFile[]> {
  const keys = files.map((file) => (cache && file.source !== null ? contentKey(file.source) : null));
  const parsed = files.map((file, index) => (cache && keys[index] ? cache.get(file, keys[index]) : null));
  const bytesToParse = files.reduce((total, file, index) => total + (parsed[index] ? 0 : (file.source?.length ?? 0)), 0);
  if (parsed.some((result) => result === null)) {
    await loadParser({ baselineCompilerOnly: parserIsTheOnlyWasm && bytesToParse <= BASELINE_COMPILER_MAX_BYTES });
  }
  return parsed.map((hit, index) => {
    if (hit) return hit;
    const { parsed: fresh, treeJson } = parseFileWithTree(files[index]!);
    const key = keys[index];
    const encoded = cache && key ? encodeEntry(fresh, treeJson) : null;
    if (cache && key && encoded !== null) cache.put(key, encoded);
    return fresh;
  });
}
