import type { LintResult } from '../lint/engine.js';
import type { Finding, Severity } from '../rule.js';
import type { FormatOptions } from './types.js';

const COLORS: Record<Severity | 'dim' | 'bold' | 'reset', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** ESLint's layout: findings grouped under their file, a summary line at the end. */
export function formatStylish(result: LintResult, options: FormatOptions): string {
  const paint = (style: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[style]}${text}${COLORS.reset}` : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint('bold', file));
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((finding, i) => {
      const severity = paint(finding.severity, finding.severity.padEnd(7));
      lines.push(`  ${paint('dim', positions[i]!.padEnd(width))}  ${severity}  ${finding.message}  ${paint('dim', finding.ruleId)}`);
      const indent = ' '.repeat(width + 13);
      for (const related of finding.related) {
        lines.push(`${indent}${paint('dim', `${related.file}:${related.line}`)}  ${related.message}`);
      }
      if (finding.suggestion) lines.push(`${indent}${paint('dim', 'hint:')} ${finding.suggestion}`);
    });
    lines.push('');
  }

  const count = (severity: Severity) => result.findings.filter((f) => f.severity === severity).length;
  const total = result.findings.length;
  const files = plural(result.files, 'file');
  const statements = plural(result.statements, 'statement');
  const summary =
    total === 0
      ? `✔ ${files}, ${statements}: no problems`
      : `✖ ${plural(total, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${files}, ${statements}`;
  lines.push(paint(total === 0 ? 'dim' : count('error') > 0 ? 'error' : 'warning', summary));
  return lines.join('\n') + '\n';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
