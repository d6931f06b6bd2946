/** The pipeline every command shares: discover, parse, replay. */
import { discover, type DiscoverOptions } from './discover/index.js';
import type { Analysis } from './engine.js';
import { loadParser, parseFile } from './parse/index.js';
import { replay } from './replay/index.js';

export async function analyze(dir: string, options: DiscoverOptions = {}): Promise<Analysis> {
  await loadParser();
  const discovery = discover(dir, options);
  const files = discovery.files.map(parseFile);
  return { layout: discovery.layout, files, ...replay(files) };
}
