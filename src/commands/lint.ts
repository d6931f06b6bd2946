import { realpathSync } from 'node:fs';
import path from 'node:path';
import { analyzeDiscovery } from '../analyze.js';
import { loadConfig, resolveRules } from '../config.js';
import { defaultMigrationsDir, discover, toDisplayPath, USUAL_PLACES, type Layout } from '../discover/index.js';
import { runRules, UNUSED_DISABLE, type LintResult } from '../engine.js';
import { UsageError } from '../errors.js';
import { FORMATTERS, type FormatName } from '../format/index.js';
import { changedFiles, type ChangeSet } from '../lint/git-changes.js';
import { onlyFindingsIn } from '../lint/only-files.js';
import { lintResultKey, ResultCache } from '../result-cache.js';
import {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  suppressAll,
  SUPPRESSIONS_FILE,
  writeSuppressions,
  type SuppressionsScope,
} from '../suppressions-file.js';
import { writeFileAtomic } from '../write-atomic.js';
import { RULES } from '../../rules/index.js';
import type { Output } from '../cli.js';
import { EXIT } from './exit-codes.js';

export interface LintOptions {
  dir?: string | undefined;
  format: FormatName;
  layout?: Layout | undefined;
  config?: string | undefined;
  maxWarnings?: number | undefined;
  color: boolean;
  /** Report only the findings in the files git lists as staged, or changed since a ref. */
  changes?: ChangeSet | undefined;
  suppressions?: SuppressionsMode | undefined;
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

export async function lintCommand(options: LintOptions, output: Output): Promise<number> {
  const { maxWarnings } = options;
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= -1)) {
    throw new UsageError('--max-warnings takes a whole number of warnings (-1: no limit).');
  }
  const cwd = process.cwd();
  const { config, source } = loadConfig(cwd, options.config);
  // unused-disable is reported by the engine, not by a rule, but is configured like one.
  const { [UNUSED_DISABLE]: unusedDisable, ...ruleSettings } = config.rules ?? {};
  const rules = resolveRules(RULES, { ...config, rules: ruleSettings }, source);
  const unusedSeverity = typeof unusedDisable === 'string' ? unusedDisable : (unusedDisable?.[0] ?? 'warning');
  const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
  const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const cache = ResultCache.open(cwd);
  const key = cache ? lintResultKey({ cwd, discovery, rules, unusedDisableSeverity: unusedSeverity, preset: config.preset }) : null;
  let result = cache && key ? cache.get(key) : null;
  if (result === null) {
    const analysis = await analyzeDiscovery(discovery, { preset: config.preset, cwd });
    result = runRules(analysis, rules, unusedSeverity);
    if (cache && key) cache.put(key, result);
  }
  const suppressionsFile = path.join(source ? path.dirname(source) : cwd, SUPPRESSIONS_FILE);
  result = useSuppressions(result, options.suppressions ?? 'apply', { file: suppressionsFile, cwd, dir: discovery.dir }, output);
  if (options.changes) {
    const changed = changedFiles(discovery.dir, options.changes);
    const realDir = realpathSync(discovery.dir);
    result = onlyFindingsIn(result, new Set(discovery.files.filter((file) => changed.has(path.join(realDir, file.name))).map((file) => file.path)));
  }
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (options.quiet) result = { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };

  const report = FORMATTERS[options.format](result, { color: options.color && options.outputFile === undefined });
  if (options.outputFile === undefined) output.stdout(report);
  else writeFileAtomic(path.resolve(cwd, options.outputFile), report);
  for (const failure of result.ruleFailures) {
    output.stderr(`miglint: rule "${failure.ruleId}" failed: ${failure.message}. This is a bug in miglint; the other rules ran.\n`);
  }

  if (result.ruleFailures.length > 0) return EXIT.usage;
  if (result.findings.some((finding) => finding.severity === 'error')) return EXIT.findings;
  if (!options.quiet && maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) {
    output.stderr(`miglint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows: exit code 1.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** What `lint` does with miglint-suppressions.json: hide accepted findings, accept all, or also drop what no longer occurs. */
export type SuppressionsMode = 'apply' | 'suppress-all' | 'prune';

function useSuppressions(result: LintResult, mode: SuppressionsMode, scope: SuppressionsScope, output: Output): LintResult {
  const name = toDisplayPath(scope.cwd, scope.file);
  const existing = readSuppressions(scope.file);
  if (mode === 'suppress-all') {
    const suppressions = suppressAll(result, existing, scope);
    writeSuppressions(scope.file, suppressions);
    const files = new Set(result.findings.map((finding) => finding.file)).size;
    output.stderr(`miglint: ${name}: accepted ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; later runs report only findings beyond them.\n`);
    return applySuppressions(result, suppressions, scope).result;
  }
  const applied = applySuppressions(result, existing, scope);
  if (mode === 'prune') {
    writeSuppressions(scope.file, pruneSuppressions(existing, applied.stale));
    output.stderr(`miglint: ${name}: dropped ${applied.stale.reduce((sum, entry) => sum + entry.count, 0)} accepted findings that no longer occur.\n`);
  } else if (applied.stale.length > 0) {
    const listed = applied.stale.slice(0, 5).map((entry) => `${entry.file} ${entry.ruleId} (${entry.count} of ${entry.of})`);
    const more = applied.stale.length > listed.length ? `, and ${applied.stale.length - listed.length} more` : '';
    output.stderr(`miglint: ${name}: accepted findings that no longer occur: ${listed.join(', ')}${more}. Run lint --prune-suppressions to drop them.\n`);
  }
  return applied.result;
}
