/**
 * `miglint-suppressions.json`: the findings a project accepted when it adopted miglint, counted
 * per file and rule as ESLint 9's `eslint-suppressions.json` counts them. A file's findings of a
 * rule are hidden while there are no more of them than the count; one more and all of them are
 * reported, since miglint cannot tell which is new. Unlike ESLint, every severity is counted:
 * old migrations cannot be edited, so their warnings are accepted too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from './engine.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../rule.js';
import type { Suppressions } from './suppressions-schema.js';
import { writeFileAtomic } from '../write-atomic.js';

export const SUPPRESSIONS_FILE = 'miglint-suppressions.json';

export type { Suppressions } from './suppressions-schema.js';

export interface StaleEntry {
  file: string;
  ruleId: string;
  /** Accepted findings that no longer occur. */
  count: number;
  of: number;
}

/** Where a suppressions file lives and which of its entries a run over one folder answers for. */
export interface SuppressionsScope {
  /** The suppressions file. */
  file: string;
  /** The working directory findings' paths are relative to. */
  cwd: string;
  /** The migrations folder linted: entries for files elsewhere belong to another folder's run. */
  dir: string;
}

/** The file's entries, validated (the validator loads only when there is a file); none when it does not exist. */
export async function readSuppressions(file: string): Promise<Suppressions> {
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const { SUPPRESSIONS } = await import('./suppressions-schema.js');
  const parsed = SUPPRESSIONS.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: not a suppressions file (at ${issue.path.join('.') || '(root)'}: ${issue.message}); expected { "<file>": { "<rule>": { "count": <n> } } }`);
  }
  return parsed.data;
}

/** Writes the file atomically (a temporary file, then a rename), keys sorted so that diffs stay small. */
export function writeSuppressions(file: string, suppressions: Suppressions): void {
  const sorted = Object.fromEntries(
    Object.keys(suppressions)
      .sort()
      .map((name) => [name, Object.fromEntries(Object.keys(suppressions[name]!).sort().map((rule) => [rule, suppressions[name]![rule]!]))]),
  );
  writeFileAtomic(file, JSON.stringify(sorted, null, 2) + '\n');
}

function entryName(scope: SuppressionsScope, finding: Finding): string {
  return path.relative(path.dirname(scope.file), path.resolve(scope.cwd, finding.file)).split(path.sep).join('/');
}

function inScope(scope: SuppressionsScope, name: string): boolean {
  const relative = path.relative(scope.dir, path.resolve(path.dirname(scope.file), name));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Every finding of the run accepted: entries for this folder replaced, other folders' kept. */
export function suppressAll(result: LintResult, existing: Suppressions, scope: SuppressionsScope): Suppressions {
  const suppressions: Suppressions = Object.fromEntries(Object.entries(existing).filter(([name]) => !inScope(scope, name)));
  for (const finding of result.findings) {
    const rules = (suppressions[entryName(scope, finding)] ??= {});
    rules[finding.ruleId] = { count: (rules[finding.ruleId]?.count ?? 0) + 1 };
  }
  return suppressions;
}

/** The findings beyond the accepted counts, and the entries of this folder that no longer occur. */
export function applySuppressions(result: LintResult, suppressions: Suppressions, scope: SuppressionsScope): { result: LintResult; stale: StaleEntry[] } {
  const groups = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = `${entryName(scope, finding)}\0${finding.ruleId}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const hidden = new Set<Finding>();
  for (const [key, findings] of groups) {
    const [name, ruleId] = key.split('\0') as [string, string];
    const accepted = suppressions[name]?.[ruleId]?.count ?? 0;
    if (findings.length <= accepted) findings.forEach((finding) => hidden.add(finding));
  }
  const stale: StaleEntry[] = [];
  for (const [name, rules] of Object.entries(suppressions)) {
    if (!inScope(scope, name)) continue;
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const occurring = groups.get(`${name}\0${ruleId}`)?.length ?? 0;
      if (occurring < count) stale.push({ file: name, ruleId, count: count - occurring, of: count });
    }
  }
  return { result: { ...result, findings: result.findings.filter((finding) => !hidden.has(finding)) }, stale };
}

/** The suppressions without what no longer occurs (counts lowered, emptied entries dropped). */
export function pruneSuppressions(suppressions: Suppressions, stale: StaleEntry[]): Suppressions {
  const pruned: Suppressions = structuredClone(suppressions);
  for (const { file, ruleId, count } of stale) {
    const rules = pruned[file]!;
    const left = rules[ruleId]!.count - count;
    if (left > 0) rules[ruleId] = { count: left };
    else delete rules[ruleId];
    if (Object.keys(rules).length === 0) delete pruned[file];
  }
  return pruned;
}
