/** `miglint sum`: writes miglint.sum, the chained hashes of the folder's migrations (src/sum.ts). */
import path from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';
import type { Output } from '../output.js';
import { loadConfig } from '../config.js';
import { discover, toDisplayPath, type Layout } from '../discover/index.js';
import { UsageError } from '../errors.js';
import { SUM_FILE, sumText } from '../sum.js';
import { EXIT } from './exit-codes.js';
import { migrationsDir } from './lint.js';

export interface SumCommandOptions {
  dir?: string | undefined;
  layout?: Layout | undefined;
  config?: string | undefined;
}

export function sumCommand(options: SumCommandOptions, output: Output): number {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, options.config);
  const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
  const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const unreadable = discovery.files.filter((file) => file.source === null);
  if (unreadable.length > 0) {
    throw new UsageError(`Cannot hash ${unreadable.map((file) => `${file.path} (${file.readError})`).join(', ')}; nothing was written.`);
  }
  if (discovery.files.length === 0) throw new UsageError(`No migration files in ${dir}; nothing was written.`);
  const target = path.join(discovery.dir, SUM_FILE);
  const shown = toDisplayPath(cwd, target);
  writeFileAtomic(target, sumText(discovery.files.map((file) => ({ name: file.name, source: file.source! }))), shown);
  output.stderr(`miglint: wrote ${shown} (${discovery.files.length} file${discovery.files.length === 1 ? '' : 's'})\n`);
  return EXIT.ok;
}
