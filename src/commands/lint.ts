import { realpathSync } from 'node:fs';
import path from 'node:path';
import { analyzeDiscovery } from '../analyze.js';
import { loadConfig, resolveRules } from '../config.js';
import { defaultMigrationsDir, discover, type Layout } from '../discover/index.js';
import { runRules, UNUSED_DISABLE } from '../engine.js';
import { UsageError } from '../errors.js';
import { FORMATTERS, type FormatName } from '../format/index.js';
import { changedFiles, type ChangeSet } from '../lint/git-changes.js';
import { onlyFindingsIn } from '../lint/only-files.js';
import { lintResultKey, ResultCache } from '../result-cache.js';
import { RULES } from '../../rules/index.js';
import parseError from '../../rules/parse-error.js';
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
  if (options.changes) {
    const changed = changedFiles(discovery.dir, options.changes);
    const realDir = realpathSync(discovery.dir);
    result = onlyFindingsIn(result, new Set(discovery.files.filter((file) => changed.has(path.join(realDir, file.name))).map((file) => file.path)));
  }

  output.stdout(FORMATTERS[options.format](result, { color: options.color }));
  for (const failure of result.ruleFailures) {
    output.stderr(`miglint: rule "${failure.ruleId}" failed: ${failure.message}. This is a bug in miglint; the other rules ran.\n`);
  }

  // A parse error turned off or suppressed is the user's call; one still reported means the input is broken.
  if (result.findings.some((finding) => finding.ruleId === parseError.id) || result.ruleFailures.length > 0) return EXIT.usage;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
