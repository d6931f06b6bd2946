/**
 * The programmatic API, for tools that embed miglint: `import { lint, baseline, verify } from
 * 'miglint'`. Each does what its command does, without printing or exiting. Input a user can fix
 * (no such folder, a bad config) throws UsageError with the message the command prints.
 */
import { buildBaseline } from './commands/baseline.js';
import { lintExitCode, lintFolder } from './commands/lint.js';
import { failed, verifyFolder, type FolderVerifyReport } from './commands/verify.js';
import type { Layout } from './discover/index.js';
import { toJsonResult, type JsonLintResult } from './format/json.js';
import type { Preset } from './presets.js';

export { UsageError } from './errors.js';
export { LAYOUTS, type Layout } from './discover/index.js';
export { PRESETS, type Preset } from './presets.js';
export type { JsonFinding, JsonLintResult } from './format/json.js';
export type { Severity } from './rule.js';
export type { CatalogDifference } from './verify/catalog.js';
export type { MissingExtension, Rejection, VerifyReport } from './verify/index.js';
export type { RunnerGaps } from './verify/runner-gaps.js';
export type { DumpComparison } from './verify/dump.js';
export type { ExplainedDumpDifference } from './verify/dump-explained.js';
export type { DumpDifference } from './verify/dump-entries.js';

interface FolderOptions {
  /** Paths are resolved, and findings' paths printed, relative to this (default: process.cwd()). */
  cwd?: string;
  /** The migrations folder, or a project folder holding one (default: the config's, or supabase/migrations, migrations, db/migrations). */
  dir?: string;
  layout?: Layout;
  /** What the database holds before the first migration (default: from the layout and what the migrations use). */
  preset?: Preset;
  /** A miglint.config.json (default: found from cwd upward). */
  config?: string;
}

export interface LintOptions extends FolderOptions {
  /** Migration files: each one's folder is replayed whole, and only findings located in these files are returned (a finding about two files, such as a version collision, on the given one). */
  files?: string[];
  /** More warnings than this make exitCode 1, as `--max-warnings` does. */
  maxWarnings?: number;
}

/** What `miglint lint --format json` prints, with the exit code the command would end with. */
export interface LintReport extends JsonLintResult {
  /** 0 no errors, 1 findings at error level (or too many warnings), 2 a file that does not parse or a rule that failed. */
  exitCode: number;
  /** Rules that threw: a bug in miglint, reported rather than hidden; their findings are missing. */
  ruleFailures: { ruleId: string; message: string }[];
}

export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const result = await lintFolder(options, options.cwd ?? process.cwd());
  return { ...toJsonResult(result), exitCode: lintExitCode(result, options.maxWarnings), ruleFailures: result.ruleFailures };
}

export interface BaselineOptions extends FolderOptions {
  /** Carry INSERT/UPDATE/DELETE/COPY statements, in order. */
  includeData?: boolean;
}

export interface Baseline {
  /** The migrations folder it consolidates, absolute: where `baseline -o` writes 000_baseline_schema.sql. */
  dir: string;
  /** The baseline migration, byte for byte what `miglint baseline` prints. */
  text: string;
}

export async function baseline(options: BaselineOptions = {}): Promise<Baseline> {
  return buildBaseline({ ...options, includeData: options.includeData ?? false }, options.cwd ?? process.cwd());
}

export interface VerifyOptions extends FolderOptions {
  /** A committed baseline file to prove (default: the one miglint would write). */
  baseline?: string;
  /** Also compare `pg_dump --schema-only` of both databases (`report.dump`); an unexplained dump difference makes `ok` false. */
  pgDump?: boolean;
  /** Called at each step (e.g. "replaying the chain"). */
  onProgress?: (message: string) => void;
}

export interface VerifyResult extends FolderVerifyReport {
  /** True when the baseline builds the same database as the chain (`miglint verify` exits 0). */
  ok: boolean;
  preset: Preset;
}

export async function verify(options: VerifyOptions = {}): Promise<VerifyResult> {
  const { report, preset } = await verifyFolder(options, options.cwd ?? process.cwd(), options.onProgress);
  return { ...report, ok: !failed(report), preset };
}
