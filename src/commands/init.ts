/**
 * `miglint init`: writes miglint.config.json for the folder it finds (its layout and platform
 * preset), every rule listed at its default severity, and a `$schema` so editors complete it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config.js';
import { CONFIG_SCHEMA_FILE } from '../config-schema.js';
import { discover, toDisplayPath, type Layout } from '../discover/index.js';
import { UNUSED_DISABLE } from '../lint/suppressions.js';
import { UsageError } from '../errors.js';
import { detectPreset, type Preset } from '../presets.js';
import { RULES } from '../../rules/index.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '../write-atomic.js';
import { EXIT } from './exit-codes.js';
import { migrationsDir } from './lint.js';

export interface InitOptions {
  dir?: string | undefined;
  layout?: Layout | undefined;
  preset?: Preset | undefined;
  force: boolean;
}

export function initCommand(options: InitOptions, output: Output): number {
  const cwd = process.cwd();
  const target = path.join(cwd, CONFIG_FILE);
  if (existsSync(target) && !options.force) throw new UsageError(`${CONFIG_FILE} exists already; use --force to replace it.`);
  const discovery = discover(migrationsDir(options.dir, undefined, cwd), { layout: options.layout, cwd });
  const { preset } = detectPreset(discovery.layout, options.preset, discovery.files.map((file) => file.source));
  const rules = Object.fromEntries([
    ...RULES.map((rule) => [rule.id, rule.enabledByDefault === false ? 'off' : rule.severity]),
    [UNUSED_DISABLE, 'warning'],
  ]);
  const config = {
    $schema: `./node_modules/miglint/${CONFIG_SCHEMA_FILE}`,
    migrationsDir: toDisplayPath(cwd, discovery.dir) || '.',
    layout: discovery.layout,
    preset,
    rules,
  };
  writeFileAtomic(target, JSON.stringify(config, null, 2) + '\n');
  output.stdout(
    `Wrote ${CONFIG_FILE}: ${config.migrationsDir} (${discovery.files.length} file${discovery.files.length === 1 ? '' : 's'}), layout ${discovery.layout}, preset ${preset}, ` +
      `${Object.keys(rules).length} rules at their default severity.\n` +
      'Next: npx miglint lint; to accept what is there now: npx miglint lint --suppress-all\n',
  );
  return EXIT.ok;
}
