import { realpathSync } from 'node:fs';
import path from 'node:path';
import { analyzeDiscovery } from '../analyze.js';
import { loadConfig, resolveRules } from '../config.js';
import { defaultMigrationsDir, discover, toDisplayPath, type Discovery, type Layout } from '../discover/index.js';
import { runRules, UNUSED_DISABLE, type LintResult } from '../engine.js';
import { UsageError } from '../errors.js';
import { FORMATTERS, type FormatName } from '../format/index.js';
import { changedFiles, type ChangeSet } from '../lint/git-changes.js';
import { onlyFindingsIn } from '../lint/only-files.js';
import { lintResultKey, ResultCache } from '../result-cache.js';
import { RULES } from '../../rules/index.js';
import parseError from '../../rules/parse-error.js';
import type { Output } from '../cli.js';
import { EXIT } from './exit-codes.js';
import { groupByMigrationsFolder, mergeResults } from './lint-files.js';

export interface LintOptions extends LintRunOptions {
  format: FormatName;
  maxWarnings?: number | undefined;
  color: boolean;
}

export { EXIT } from './exit-codes.js';

/** The folder a command reads: the argument, the config's, or the usual place. */
export function migrationsDir(given: string | undefined, configured: string | undefined, cwd: string): string {
  const dir = given ?? configured ?? defaultMigrationsDir(cwd);
  if (!dir) {
    throw new UsageError('No migrations folder given, and there is no supabase/migrations or migrations folder here. Usage: miglint lint <dir>');
  }
  return dir;
}

/** Options that decide what a lint run finds, shared by the CLI and the programmatic API. */
export interface LintRunOptions {
  dir?: string | undefined;
  /** Migration files: their folders are replayed whole, and only findings located in these files are kept. */
  files?: string[] | undefined;
  layout?: Layout | undefined;
  config?: string | undefined;
  /** Report only the findings in the files git lists as staged, or changed since a ref. */
  changes?: ChangeSet | undefined;
}

/** Discovers, replays and checks the folder (or the folders of the given files). */
export async function lintFolder(options: LintRunOptions, cwd: string): Promise<LintResult> {
  const { config, source } = loadConfig(cwd, options.config);
  // unused-disable is reported by the engine, not by a rule, but is configured like one.
  const { [UNUSED_DISABLE]: unusedDisable, ...ruleSettings } = config.rules ?? {};
  const rules = resolveRules(RULES, { ...config, rules: ruleSettings }, source);
  const unusedSeverity = typeof unusedDisable === 'string' ? unusedDisable : (unusedDisable?.[0] ?? 'warning');
  const discoverDir = (dir: string) => discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const lintDir = async (dir: string, discovery = discoverDir(dir)): Promise<LintResult> => {
    const cache = ResultCache.open(cwd);
    const key = cache ? lintResultKey({ cwd, discovery, rules, unusedDisableSeverity: unusedSeverity, preset: config.preset }) : null;
    const cached = cache && key ? cache.get(key) : null;
    if (cached !== null) return cached;
    const analysis = await analyzeDiscovery(discovery, { preset: config.preset, cwd });
    const result = runRules(analysis, rules, unusedSeverity);
    if (cache && key) cache.put(key, result);
    return result;
  };
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
  const result = await lintFolder(options, process.cwd());

  output.stdout(FORMATTERS[options.format](result, { color: options.color }));
  for (const failure of result.ruleFailures) {
    output.stderr(`miglint: rule "${failure.ruleId}" failed: ${failure.message}. This is a bug in miglint; the other rules ran.\n`);
  }
  return lintExitCode(result, maxWarnings);
}

/** 0, 1 (errors, or more warnings than allowed) or 2 (a file that does not parse, a rule that failed). */
export function lintExitCode(result: LintResult, maxWarnings?: number): number {
  // A parse error turned off or suppressed is the user's call; one still reported means the input is broken.
  if (result.findings.some((finding) => finding.ruleId === parseError.id) || result.ruleFailures.length > 0) return EXIT.usage;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
