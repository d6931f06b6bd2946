/**
 * The rule API. A rule is one file in `rules/`: its metadata and docs next to a `check` that
 * reads the parsed files, the history and the final schema, and returns what it found.
 */
import type { z } from 'zod';
import type { Layout, RunnerIssue, UnplacedFile } from './discover/index.js';
import type { Facts } from './facts/index.js';
import type { ParsedFile, Statement } from './parse/index.js';
import type { Preset } from './presets.js';
import type { HistoryEvent } from './replay/history.js';
import type { Origin, SchemaModel } from './replay/model.js';
import type { ReasonCode } from './replay/reasons.js';
import type { RecordedSum } from './sum.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Category = 'history' | 'naming' | 'schema' | 'security' | 'performance' | 'safety' | 'syntax';

export interface RuleDocs {
  /** Why this is a problem, in a sentence or two. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** SQL (or a folder listing) that the rule reports. */
  bad: string;
  /** The same intent written so the rule is quiet. */
  good: string;
}

export interface Related {
  file: string;
  line: number;
  message: string;
}

/**
 * The same finding told from the other file, for findings about two files that neither owns (two
 * files on one version): a run that reports only some files' findings shows it there when only
 * that file is among them.
 */
export interface OtherSide {
  message: string;
  file: string;
  line: number;
  column: number;
  related: Related[];
}

/** What a rule returns: where, what, and the other places that explain it. */
export interface Report {
  message: string;
  file: string;
  line: number;
  column: number;
  related?: Related[];
  suggestion?: string;
  otherSide?: OtherSide;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  related: Related[];
  suggestion?: string;
  otherSide?: OtherSide;
  /** Stable across line shifts: rule, file name and the statement's tree (src/lint/fingerprint.ts). */
  fingerprint?: string;
}

/** What a run knows of the folder besides its replay: given to every rule, and kept in the analysis. */
export interface FolderContext {
  layout: Layout;
  /** Objects the platform provides (Supabase's `auth.users`, roles `anon`, ...). */
  preset: Preset;
  /** Every discovered file in runner order, including ones that failed to parse. */
  files: ParsedFile[];
  /** .sql files under the folder that the layout's runner never applies. */
  unplaced: UnplacedFile[];
  /** What the runner's own order or integrity files say is broken. */
  runnerIssues: RunnerIssue[];
  /** Roles the runner's environment provides (graphile-migrate's placeholders). */
  providedRoles: string[];
  /** The folder's miglint.sum (`miglint sum`), or null when it has none. */
  sum: RecordedSum | null;
}

export interface RuleContext<Options> extends FolderContext {
  history: HistoryEvent[];
  schema: SchemaModel;
  /** What rules ask of the files, the history and the model together, built once per run. */
  facts: Facts;
  /**
   * The rejections (`error` events) no rule claims, for a rule with `takesUnclaimed`, which runs
   * after every other rule; empty for the others.
   */
  unclaimed: HistoryEvent[];
  options: Options;
}

/**
 * Rejections a rule reports: one whose reason (under the wrappers `whole-statement`, `skipped`
 * and `guarded`) has this code, and one of these kinds when given, is the rule's when the rule
 * reports at its statement. No other rule reports it again.
 */
export interface Claim {
  code: ReasonCode;
  kinds?: readonly string[];
}

export interface Rule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  category: Category;
  /** The default severity; configuration may change it or turn the rule off. */
  severity: Severity;
  /** False for rules that only run when configured (e.g. `version-gap`). */
  enabledByDefault?: boolean;
  description: string;
  docs: RuleDocs;
  /** Options with their defaults, validated when the configuration is loaded. */
  options?: Schema;
  /** The rejections this rule reports (see Claim). */
  claims?: readonly Claim[];
  /** Runs after the other rules, and reads the rejections none of them claims in `unclaimed`. */
  takesUnclaimed?: true;
  check(ctx: RuleContext<z.output<Schema>>): Report[];
}

export function defineRule<Schema extends z.ZodType = z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}

/** The location fields of a report at a statement or a model origin. */
export function at(place: Origin | { file: ParsedFile; statement: Statement }): Pick<Report, 'file' | 'line' | 'column'> {
  if ('statement' in place) {
    return { file: place.file.file.path, line: place.statement.line, column: place.statement.column };
  }
  return { file: place.path, line: place.line, column: place.column };
}

/** A file as messages name it: its base name, with its folder for Diesel's `up.sql`. */
export function shortName(path: string): string {
  const segments = path.split('/');
  const keep = /^(up|down)\.sql$/i.test(segments[segments.length - 1] ?? '') ? 2 : 1;
  return segments.slice(-keep).join('/');
}

/** `file:line`, for messages that point at another place. */
export function where(origin: Origin): string {
  return `${shortName(origin.path)}:${origin.line}`;
}
