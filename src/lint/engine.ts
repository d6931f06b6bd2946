/**
 * Runs the configured rules over a replayed folder, applies inline suppressions, and returns
 * the findings in the order a reader goes through the folder.
 */
import type { EffectiveRule } from '../effective-rules.js';
import type { HistoryEvent } from '../replay/history.js';
import type { Replay } from '../replay/index.js';
import type { Finding, FolderContext, Severity } from '../rule.js';
import { Facts } from '../facts/index.js';
import { fingerprintFindings } from './fingerprint.js';
import { ClaimedRejections } from './claims.js';
import { applyDirectives, readDirectives, UNUSED_DISABLE, unusedDirectives } from './suppressions.js';

export interface Analysis extends Replay, FolderContext {}

export interface LintResult {
  files: number;
  statements: number;
  findings: Finding[];
  /** Rules that threw: a bug in miglint, reported rather than hidden. */
  ruleFailures: { ruleId: string; message: string }[];
}

export function runRules(analysis: Analysis, rules: EffectiveRule[], unusedDisableSeverity: Severity | 'off' = 'warning'): LintResult {
  const findings: Finding[] = [];
  const ruleFailures: LintResult['ruleFailures'] = [];
  const facts = new Facts(analysis.files, analysis.history, analysis.schema, analysis.preset);
  const claimed = new ClaimedRejections(analysis.files);
  const run = ({ rule, severity, options }: EffectiveRule, unclaimed: HistoryEvent[]) => {
    try {
      const reports = rule.check({ ...analysis, facts, unclaimed, options });
      if (rule.claims) claimed.add(rule.claims, reports);
      for (const report of reports) {
        findings.push({ ruleId: rule.id, severity, ...report, related: report.related ?? [] });
      }
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, message: (error as Error).message });
    }
  };
  for (const effective of rules) if (!effective.rule.takesUnclaimed) run(effective, []);
  const unclaimed = claimed.unclaimed(analysis.history);
  for (const effective of rules) if (effective.rule.takesUnclaimed) run(effective, unclaimed);

  const directives = analysis.files.flatMap(readDirectives);
  const kept = applyDirectives(findings, directives);
  if (unusedDisableSeverity !== 'off') {
    for (const { directive, ruleIds } of unusedDirectives(directives)) {
      kept.push({
        ruleId: UNUSED_DISABLE,
        severity: unusedDisableSeverity,
        message:
          ruleIds.length === 0
            ? 'This miglint-disable comment suppresses nothing.'
            : `This miglint-disable comment suppresses nothing for ${ruleIds.map((id) => `"${id}"`).join(', ')}.`,
        file: directive.file,
        line: directive.line,
        column: directive.column,
        related: [],
      });
    }
  }

  const order = new Map(analysis.files.map((parsed) => [parsed.file.path, parsed.file.order]));
  kept.sort(
    (a, b) =>
      (order.get(a.file) ?? Infinity) - (order.get(b.file) ?? Infinity) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
  fingerprintFindings(kept, analysis.files);
  return {
    files: analysis.files.length,
    statements: analysis.files.reduce((sum, parsed) => sum + parsed.statements.length, 0),
    findings: kept,
    ruleFailures,
  };
}
