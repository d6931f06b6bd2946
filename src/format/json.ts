import type { LintResult } from '../engine.js';

/** The public JSON contract: fields may be added, never renamed or removed. */
export function formatJson(result: LintResult): string {
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
  return JSON.stringify({ files: result.files, statements: result.statements, findings }, null, 2) + '\n';
}
