/**
 * `miglint schema [dir]`: prints the schema the migrations build, as miglint replayed it. JSON
 * shows every object with its provenance (the file and line that created it and each file that
 * altered it); SQL writes the same model back as statements (the baseline, without data).
 */
import { analyzeDiscovery } from '../analyze.js';
import { emitBaseline } from '../baseline/index.js';
import type { Output } from '../output.js';
import { loadConfig } from '../config.js';
import { discover, type Layout } from '../discover/index.js';
import type { Preset } from '../presets.js';
import { reportChoice } from './choice.js';
import type { SchemaModel } from '../replay/index.js';
import { changeText, type Change } from '../replay/model.js';
import { EXIT, migrationsDir } from './lint.js';

import type { SchemaFormat } from './schema-formats.js';

export { SCHEMA_FORMATS, type SchemaFormat } from './schema-formats.js';

export interface SchemaCommandOptions {
  dir?: string | undefined;
  format: SchemaFormat;
  layout?: Layout | undefined;
  preset?: Preset | undefined;
  verbose?: boolean | undefined;
  config?: string | undefined;
}

/** The model as plain JSON: maps become objects keyed as the model keys them, in key order. */
export function schemaToJson(schema: SchemaModel): unknown {
  const keyed = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    searchPath: schema.searchPath,
    schemas: keyed(schema.schemas),
    extensions: keyed(schema.extensions),
    types: keyed(schema.types),
    sequences: keyed(schema.sequences),
    tables: keyed(schema.tables),
    indexes: keyed(schema.indexes),
    views: keyed(schema.views),
    functions: keyed(schema.functions),
    grants: schema.grants,
    defaultPrivileges: schema.defaultPrivileges,
    publications: keyed(schema.publications),
    uninterpreted: schema.uninterpreted,
  };
}

/** JSON.stringify's replacer: each change as its origin and the text a reader sees. */
function changesAsText(key: string, value: unknown): unknown {
  if (key !== 'changes' || !Array.isArray(value)) return value;
  return (value as Change[]).map((change) => ({ origin: change.origin, description: changeText(change) }));
}

export async function schemaCommand(options: SchemaCommandOptions, output: Output): Promise<number> {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, options.config);
  const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
  const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const preset = options.preset ?? config.preset;
  reportChoice(options.verbose, discovery, preset, cwd, output);
  const analysis = await analyzeDiscovery(discovery, { preset, cwd, parserIsTheOnlyWasm: true });
  if (options.format === 'json') output.stdout(`${JSON.stringify(schemaToJson(analysis.schema), changesAsText, 2)}\n`);
  else output.stdout(emitBaseline(analysis, { includeData: false }));
  return EXIT.ok;
}
