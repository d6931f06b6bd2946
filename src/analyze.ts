/** The pipeline every command shares: discover, parse (through the parse cache), replay. */
import { contentKey, encodeEntry, ParseCache } from './cache.js';
import { discover, type DiscoverOptions, type Discovery, type MigrationFile } from './discover/index.js';
import type { Analysis } from './engine.js';
import { loadParser, parseFile, type ParsedFile } from './parse/index.js';
import { resolvePreset, type Preset } from './presets.js';
import { replay } from './replay/index.js';

export interface AnalyzeOptions extends DiscoverOptions {
  /** The platform preset from configuration; detected from the layout when absent. */
  preset?: Preset | undefined;
  /** False to bypass the parse cache (tests that must not touch the disk). */
  cache?: boolean | undefined;
}

export async function analyze(dir: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  return analyzeDiscovery(discover(dir, options), options);
}

/** Parses and replays the files a discovery found (for callers that look at them first). */
export async function analyzeDiscovery(discovery: Discovery, options: AnalyzeOptions = {}): Promise<Analysis> {
  const cache = options.cache === false ? null : ParseCache.open(options.cwd ?? process.cwd());
  const { files, stored } = await parseAll(discovery.files, cache);
  // Replay parses DO-block bodies with the same parser: it must be loaded even when every file
  // came from the cache.
  await loadParser();
  const replayed = replay(files);
  await stored;
  return { layout: discovery.layout, preset: resolvePreset(discovery.layout, options.preset, discovery.files.map((file) => file.source)), files, ...replayed };
}

/**
 * Parses every file, reading unchanged ones from the cache. New entries are written in the
 * background, overlapping with replay: `stored` settles when they are on disk.
 */
async function parseAll(files: MigrationFile[], cache: ParseCache | null): Promise<{ files: ParsedFile[]; stored: Promise<unknown> }> {
  const keys = files.map((file) => (cache && file.source !== null ? contentKey(file.source) : null));
  const parsed = files.map((file, index) => (cache && keys[index] ? cache.get(file, keys[index]) : null));
  if (parsed.some((result) => result === null)) await loadParser();
  const writes: Promise<void>[] = [];
  const results: ParsedFile[] = [];
  for (const [index, hit] of parsed.entries()) {
    if (hit) {
      results.push(hit);
      continue;
    }
    const fresh = parseFile(files[index]!);
    const key = keys[index];
    const encoded = cache && key ? encodeEntry(fresh) : null;
    if (cache && key && encoded !== null) {
      writes.push(cache.put(key, encoded));
      // Let the background writes finish now and then: each holds its entry's text until it is
      // on disk, and 10,000 of them held through replay cost about 0.5 GB.
      if (writes.length % WRITES_BETWEEN_PAUSES === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    results.push(fresh);
  }
  return { files: results, stored: Promise.all(writes) };
}

const WRITES_BETWEEN_PAUSES = 100;
