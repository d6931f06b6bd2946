import type { LintResult } from '../lint/engine.js';
import type { Severity } from '../rule.js';

/** One finding in the public JSON contract: fields may be added, never renamed or removed. */
export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Relative to the current directory, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  related: { file: string; line: number; message: string }[];
  suggestion?: string;
}

/** What `--format json` prints. */
export interface JsonLintResult {
  files: number;
  statements: number;
  findings: JsonFinding[];
}

export function toJsonResult(result: LintResult): JsonLintResult {
  const findings = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    related: finding.related.map((related) => ({ file: related.file, line: related.line, message: related.message })),
    ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
  }));
  return { files: result.files, statements: result.statements, findings };
}

export function formatJson(result: LintResult): string {
  return JSON.stringify(toJsonResult(result), null, 2) + '\n';
}
