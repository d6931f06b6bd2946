/**
 * `miglint baseline`: prints the consolidated baseline, writes it atomically with `-o`, or
 * checks a committed one with `--check`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { analyzeDiscovery } from '../analyze.js';
import { emitBaseline, isMiglintBaseline } from '../baseline/index.js';
import type { Output } from '../output.js';
import { loadConfig } from '../config.js';
import { discover, toDisplayPath, type Discovery, type Layout } from '../discover/index.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { Preset } from '../presets.js';
import { supabaseBaselineWarning } from './baseline-warnings.js';
import { reportChoice } from './choice.js';
import { EXIT, migrationsDir } from './lint.js';

export const DEFAULT_BASELINE_NAME = '000_baseline_schema.sql';

export interface BaselineCommandOptions {
  dir?: string | undefined;
  /** '' means `-o` without a name: the default name in the migrations folder. */
  output?: string | undefined;
  check?: string | undefined;
  force: boolean;
  includeData: boolean;
  layout?: Layout | undefined;
  preset?: Preset | undefined;
  verbose?: boolean | undefined;
  config?: string | undefined;
}

/** The baseline text for a folder, and the migrations folder it was read from (a project folder's own migrations folder). */
export async function buildBaseline(
  options: Pick<BaselineCommandOptions, 'dir' | 'layout' | 'preset' | 'config' | 'includeData'>,
  cwd: string,
  onDiscovery: (discovery: Discovery, preset: Preset | undefined) => void = () => {},
): Promise<{ dir: string; text: string; layout: Layout; names: string[] }> {
  const { config } = loadConfig(cwd, options.config);
  const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
  const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const preset = options.preset ?? config.preset;
  onDiscovery(discovery, preset);
  const analysis = await analyzeDiscovery(discovery, { preset, cwd, parserIsTheOnlyWasm: true });
  const names = analysis.files.map((parsed) => parsed.file.name);
  return { dir: discovery.dir, text: emitBaseline(analysis, { includeData: options.includeData }), layout: analysis.layout, names };
}

export async function baselineCommand(options: BaselineCommandOptions, output: Output): Promise<number> {
  if (options.check !== undefined && options.output !== undefined) throw new UsageError('Use either --check or -o, not both.');
  const cwd = process.cwd();
  const { dir, text, layout, names } = await buildBaseline(options, cwd, (discovery, preset) => reportChoice(options.verbose, discovery, preset, cwd, output));

  if (options.check !== undefined) return check(path.resolve(cwd, options.check), text, cwd, output);
  if (options.output === undefined) {
    output.stdout(text);
    return EXIT.ok;
  }
  const target = options.output === '' ? path.join(dir, DEFAULT_BASELINE_NAME) : path.resolve(cwd, options.output);
  writeBaseline(target, text, options.force);
  const shown = toDisplayPath(cwd, target);
  output.stderr(`miglint: wrote ${shown}\n`);
  const warning = supabaseBaselineWarning({ layout, dir, target, names, shown });
  if (warning) output.stderr(warning);
  return EXIT.ok;
}

function check(file: string, expected: string, cwd: string, output: Output): number {
  const shown = toDisplayPath(cwd, file);
  let committed: string;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${shown}: write it first with \`miglint baseline -o ${shown}\`.`);
  }
  if (committed === expected) {
    output.stderr(`miglint: ${shown} is up to date\n`);
    return EXIT.ok;
  }
  output.stdout(createTwoFilesPatch(shown, `${shown} (from the migrations)`, committed, expected));
  output.stderr(`miglint: ${shown} is stale; regenerate it with \`miglint baseline -o ${shown}\`\n`);
  return EXIT.findings;
}

/**
 * Writes the whole baseline or nothing (src/write-atomic.ts). Refuses to replace a file miglint did not write, unless forced.
 */
export function writeBaseline(target: string, text: string, force: boolean): void {
  if (existsSync(target) && !force) {
    let existing: string | null = null;
    try {
      existing = readFileSync(target, 'utf8');
    } catch {
      existing = null;
    }
    if (!isMiglintBaseline(existing)) {
      throw new UsageError(`${target} exists and miglint did not write it (no "-- miglint:baseline" header); use --force to replace it.`);
    }
  }
  writeFileAtomic(target, text);
}
