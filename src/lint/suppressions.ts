/**
 * Inline suppression comments:
 *   -- miglint-disable-next-line rule-id[, rule-id]   the next line only
 *   -- miglint-disable rule-id[, rule-id]             the whole file
 * Without rule ids a directive covers every rule.
 */
import type { ParsedFile } from '../parse/index.js';
import type { Finding } from '../rule.js';

/** Suppression comments that suppress nothing are findings of their own, configured like a rule. */
export const UNUSED_DISABLE = 'unused-disable';

export interface Directive {
  file: string;
  /** Line of the comment itself. */
  line: number;
  column: number;
  scope: 'next-line' | 'file';
  /** Empty: every rule. */
  ruleIds: string[];
  used: Set<string>;
}

const DIRECTIVE = /--\s*miglint-disable(-next-line)?(?![\w-])([^\n]*)/g;

export function readDirectives(parsed: ParsedFile): Directive[] {
  const source = parsed.file.source;
  if (source === null || !source.includes('miglint-disable')) return [];
  const directives: Directive[] = [];
  for (const match of source.matchAll(DIRECTIVE)) {
    const position = parsed.positions!.positionOf(match.index);
    const ids = match[2]!.replace(/--.*$/, '').split(/[\s,]+/).filter(Boolean);
    directives.push({
      file: parsed.file.path,
      ...position,
      scope: match[1] ? 'next-line' : 'file',
      ruleIds: ids,
      used: new Set(),
    });
  }
  return directives;
}

function covers(directive: Directive, finding: Finding): boolean {
  if (directive.file !== finding.file) return false;
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(finding.ruleId)) return false;
  return directive.scope === 'file' || finding.line === directive.line + 1;
}

/** Drops suppressed findings and marks which directive ids did the suppressing. */
export function applyDirectives(findings: Finding[], directives: Directive[]): Finding[] {
  return findings.filter((finding) => {
    const directive = directives.find((candidate) => covers(candidate, finding));
    if (!directive) return true;
    directive.used.add(finding.ruleId);
    return false;
  });
}

/** Directives, or rule ids within them, that suppressed nothing. */
export function unusedDirectives(directives: Directive[]): { directive: Directive; ruleIds: string[] }[] {
  return directives.flatMap((directive) => {
    if (directive.ruleIds.length === 0) return directive.used.size === 0 ? [{ directive, ruleIds: [] }] : [];
    const unused = directive.ruleIds.filter((id) => !directive.used.has(id));
    return unused.length > 0 ? [{ directive, ruleIds: unused }] : [];
  });
}
