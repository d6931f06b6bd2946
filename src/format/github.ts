import type { LintResult } from '../lint/engine.js';
import type { Severity } from '../rule.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands escape %, CR and LF in data, and also : and , in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=...,line=...::message` annotation per finding, shown inline on pull requests. */
export function formatGithub(result: LintResult): string {
  return result.findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `title=${escapeProperty(`miglint ${finding.ruleId}`)}`,
      ].join(',');
      const related = finding.related.map((r) => `\n${r.file}:${r.line} ${r.message}`).join('');
      return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message + related)}\n`;
    })
    .join('');
}
