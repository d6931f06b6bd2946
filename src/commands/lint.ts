import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config, LoadedConfig } from '../config.js';
import type { EffectiveRule } from '../effective-rules.js';
import { findConfig } from '../config-file.js';
import { defaultMigrationsDir, discover, toDisplayPath, USUAL_PLACES, type Discovery, type Layout } from '../discover/index.js';
import type { LintResult } from '../lint/engine.js';
import { UNUSED_DISABLE } from '../lint/suppressions.js';
import { UsageError } from '../errors.js';
import { loadFormatter, type FormatName } from '../format/index.js';
import { changedFiles, type ChangeSet } from '../lint/git-changes.js';
import { onlyFindingsIn } from '../lint/only-files.js';
import { lintResultKey, ResultCache } from '../cache/result-cache.js';
import {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  suppressAll,
  SUPPRESSIONS_FILE,
  writeSuppressions,
  type SuppressionsScope,
} from '../lint/suppressions-file.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { Output } from '../output.js';
import { EXIT } from './exit-codes.js';
import { groupByMigrationsFolder, mergeResults } from './lint-files.js';
import { reportChoice } from './choice.js';
import type { Preset } from '../presets.js';

export interface LintOptions extends LintRunOptions {
  format: FormatName;
  /** Say which layout and preset were chosen for each folder, and why (on stderr). */
  verbose?: boolean | undefined;
  maxWarnings?: number | undefined;
  color: boolean;
  /** Errors only. */
  quiet?: boolean | undefined;
  /** Write the report to this file instead of stdout. */
  outputFile?: string | undefined;
}

export { EXIT } from './exit-codes.js';

/** The folder a command reads: the argument, the config's, or the usual place. */
export function migrationsDir(given: string | undefined, configured: string | undefined, cwd: string): string {
  const dir = given ?? configured ?? defaultMigrationsDir(cwd);
  if (!dir) {
    throw new UsageError(`No migrations folder given, and none of ${USUAL_PLACES.join(', ')} is here. Usage: miglint lint <dir>`);
  }
  return dir;
}

/** Options that decide what a lint run finds, shared by the CLI and the programmatic API. */
export interface LintRunOptions {
  dir?: string | undefined;
  /** Migration files: their folders are replayed whole, and only findings located in these files are kept. */
  files?: string[] | undefined;
  layout?: Layout | undefined;
  /** The platform preset (detected from the layout and what the migrations use when absent). */
  preset?: Preset | undefined;
  config?: string | undefined;
  /** Report only the findings in the files git lists as staged, or changed since a ref. */
  changes?: ChangeSet | undefined;
  /** What to do with miglint-suppressions.json (default: hide the findings it accepts). */
  suppressions?: SuppressionsMode | undefined;
}

/** Discovers, replays and checks the folder (or the folders of the given files). */
/** What a lint run tells its caller on the way: the layout and preset chosen per folder, and notes (stale suppressions). */
export interface LintHooks {
  onDiscovery?: (discovery: Discovery, preset: Preset | undefined) => void;
  say?: (text: string) => void;
}

export async function lintFolder(options: LintRunOptions, cwd: string, hooks: LintHooks = {}): Promise<LintResult> {
  const say = hooks.say ?? (() => {});
  const { config, source } = await configuration(cwd, options.config);
  // unused-disable is reported by the engine, not by a rule, but is configured like one.
  const { [UNUSED_DISABLE]: unusedDisable, ...ruleSettings } = config.rules ?? {};
  const unusedSeverity = typeof unusedDisable === 'string' ? unusedDisable : (unusedDisable?.[0] ?? 'warning');
  // The rules, and with them the parser and the replay, load only when the result cache misses.
  let rules: Promise<EffectiveRule[]> | undefined;
  const effectiveRules = () =>
    (rules ??= Promise.all([import('../effective-rules.js'), import('../../rules/index.js')]).then(([{ resolveRules }, { RULES }]) =>
      resolveRules(RULES, { ...config, rules: ruleSettings }, source),
    ));
  const preset = options.preset ?? config.preset;
  const discoverDir = (dir: string) => {
    const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
    hooks.onDiscovery?.(discovery, preset);
    return discovery;
  };
  const findingsOf = async (dir: string, discovery = discoverDir(dir)): Promise<LintResult> => {
    const cache = ResultCache.open(cwd);
    const key = cache ? lintResultKey({ cwd, discovery, ruleSettings: config.rules, preset }) : null;
    const cached = cache && key ? cache.get(key) : null;
    if (cached !== null) return cached;
    const [{ analyzeDiscovery }, { runRules }] = await Promise.all([import('../analyze.js'), import('../lint/engine.js')]);
    const effective = await effectiveRules();
    const analysis = await analyzeDiscovery(discovery, { preset, cwd, parserIsTheOnlyWasm: true });
    const result = runRules(analysis, effective, unusedSeverity);
    if (cache && key) cache.put(key, result);
    return result;
  };
  const suppressionsFile = path.join(source ? path.dirname(source) : cwd, SUPPRESSIONS_FILE);
  const lintDir = async (dir: string, discovery = discoverDir(dir)): Promise<LintResult> =>
    await useSuppressions(await findingsOf(dir, discovery), options.suppressions ?? 'apply', { file: suppressionsFile, cwd, dir: discovery.dir }, say);
  const lintChanged = async (dir: string, changes: ChangeSet): Promise<LintResult> => {
    const discovery = discoverDir(dir);
    const changed = changedFiles(discovery.dir, changes);
    const realDir = realpathSync(discovery.dir);
    const inChange = discovery.files.filter((file) => changed.has(path.join(realDir, file.name))).map((file) => file.path);
    return onlyFindingsIn(await lintDir(dir, discovery), new Set(inChange));
  };
  if (options.files === undefined || options.files.length === 0) {
    const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
    return options.changes ? lintChanged(dir, options.changes) : lintDir(dir);
  }

  const results: LintResult[] = [];
  for (const [dir, files] of groupByMigrationsFolder(options.files, config.migrationsDir, cwd)) {
    const discovery = discoverDir(dir);
    const result = onlyFindingsIn(await lintDir(dir, discovery), files);
    requireMigrations(files, discovery, result, cwd);
    results.push(result);
  }
  return mergeResults(results);
}

/** The configuration found from `cwd` (or the one named), validated; the validator (zod) loads only when there is one. */
async function configuration(cwd: string, explicitPath: string | undefined): Promise<LoadedConfig> {
  const found = findConfig(cwd, explicitPath);
  if (found === null) return { config: {} satisfies Config, source: null };
  const { validConfig } = await import('../config.js');
  return validConfig(found, cwd);
}

/** A given file the folder's layout does not read, and no finding is about, would pass unchecked: say so instead. */
function requireMigrations(files: Set<string>, discovery: Discovery, result: LintResult, cwd: string): void {
  const read = new Set(discovery.files.map((file) => file.path));
  const unread = [...files].filter((file) => !read.has(file) && !result.findings.some((finding) => finding.file === file));
  if (unread.length === 0) return;
  const folder = toDisplayPath(cwd, discovery.dir) || '.';
  throw new UsageError(
    `${unread.join(', ')}: not ${unread.length === 1 ? 'a migration' : 'migrations'} of ${folder} as miglint reads it (${discovery.layout} layout, ${discovery.files.length} ${discovery.files.length === 1 ? 'file' : 'files'}), so there is nothing to check. Lint the folder with --layout, or leave ${unread.length === 1 ? 'it' : 'them'} out.`,
  );
}

export async function lintCommand(options: LintOptions, output: Output): Promise<number> {
  const { maxWarnings } = options;
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= -1)) {
    throw new UsageError('--max-warnings takes a whole number of warnings (-1: no limit).');
  }
  const cwd = process.cwd();
  let result = await lintFolder(options, cwd, {
    onDiscovery: (discovery, preset) => reportChoice(options.verbose, discovery, preset, cwd, output),
    say: (text) => output.stderr(text),
  });
  if (options.quiet) result = { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };

  const format = await loadFormatter(options.format);
  const report = format(result, { color: options.color && options.outputFile === undefined });
  if (options.outputFile === undefined) output.stdout(report);
  else writeFileAtomic(path.resolve(cwd, options.outputFile), report);
  for (const failure of result.ruleFailures) {
    output.stderr(`miglint: rule "${failure.ruleId}" failed: ${failure.message}. This is a bug in miglint; the other rules ran.\n`);
  }
  const exitCode = lintExitCode(result, maxWarnings);
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (exitCode === EXIT.findings && !result.findings.some((finding) => finding.severity === 'error')) {
    output.stderr(`miglint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows: exit code 1.\n`);
  }
  return exitCode;
}

/** 0, 1 (errors, a file that does not parse among them, or more warnings than allowed) or 2 (a rule that failed: a bug in miglint). */
export function lintExitCode(result: LintResult, maxWarnings?: number): number {
  if (result.ruleFailures.length > 0) return EXIT.usage;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** What `lint` does with miglint-suppressions.json: hide accepted findings, accept all, or also drop what no longer occurs. */
export type SuppressionsMode = 'apply' | 'suppress-all' | 'prune';

async function useSuppressions(result: LintResult, mode: SuppressionsMode, scope: SuppressionsScope, say: (text: string) => void): Promise<LintResult> {
  const name = toDisplayPath(scope.cwd, scope.file);
  const existing = await readSuppressions(scope.file);
  if (mode === 'suppress-all') {
    const suppressions = suppressAll(result, existing, scope);
    writeSuppressions(scope.file, suppressions);
    const files = new Set(result.findings.map((finding) => finding.file)).size;
    say(`miglint: ${name}: accepted ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; later runs report only findings beyond them.\n`);
    return applySuppressions(result, suppressions, scope).result;
  }
  const applied = applySuppressions(result, existing, scope);
  if (mode === 'prune') {
    writeSuppressions(scope.file, pruneSuppressions(existing, applied.stale));
    say(`miglint: ${name}: dropped ${applied.stale.reduce((sum, entry) => sum + entry.count, 0)} accepted findings that no longer occur.\n`);
  } else if (applied.stale.length > 0) {
    const listed = applied.stale.slice(0, 5).map((entry) => `${entry.file} ${entry.ruleId} (${entry.count} of ${entry.of})`);
    const more = applied.stale.length > listed.length ? `, and ${applied.stale.length - listed.length} more` : '';
    say(`miglint: ${name}: accepted findings that no longer occur: ${listed.join(', ')}${more}. Run lint --prune-suppressions to drop them.\n`);
  }
  return applied.result;
}
