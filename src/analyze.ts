/** The pipeline every command shares: discover, parse, replay. */
import { discover, type DiscoverOptions } from './discover/index.js';
import type { Analysis } from './engine.js';
import { loadParser, parseFile } from './parse/index.js';
import { resolvePreset, type Preset } from './presets.js';
import { replay } from './replay/index.js';

export interface AnalyzeOptions extends DiscoverOptions {
  /** The platform preset from configuration; detected from the layout when absent. */
  preset?: Preset | undefined;
}

export async function analyze(dir: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  await loadParser();
  const discovery = discover(dir, options);
  const files = discovery.files.map(parseFile);
  return { layout: discovery.layout, preset: resolvePreset(discovery.layout, options.preset, discovery.files.map((file) => file.source)), files, ...replay(files) };
}
