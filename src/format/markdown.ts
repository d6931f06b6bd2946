/**
 * A pull-request comment or job summary: a table of counts by rule, then the findings grouped
 * by file, each linking to its line (relative links, which GitHub resolves against the page).
 */
import path from 'node:path';
import { toDisplayPath } from '../discover/index.js';
import type { LintResult } from '../lint/engine.js';
import { packageInfo } from '../package-info.js';
import type { Finding, Severity } from '../rule.js';
import { ruleDocsPath } from '../rule-docs.js';
import { findRule } from '../rule-catalog.js';
import { repositoryRoot } from './repository-root.js';

/** Set by the GitHub Action so that a job summary links to the commit's files. */
export const MARKDOWN_LINK_BASE_ENV = 'MIGLINT_LINK_BASE';

/** GitHub refuses a comment over 65,536 characters (a job summary may hold 1 MiB): stay under both. */
const MAX_LENGTH = 60_000;
const OMITTED_NOTE_ROOM = 300;

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface MarkdownOptions {
  /**
   * Prefix for file links, e.g. `https://github.com/o/r/blob/<sha>/` for a comment or a job
   * summary, where paths are then taken from the repository root; without it links are relative.
   */
  linkBase?: string | undefined;
  /** Where finding paths are relative to (default: the process's working directory). */
  cwd?: string | undefined;
  /** miglint's repository on the web, for links to the rules' pages. */
  docsRepositoryUrl?: string | null | undefined;
  /** The longest text to write (default: what a GitHub comment may hold, with room to spare). */
  maxLength?: number | undefined;
}

export function formatMarkdown(result: LintResult, options: MarkdownOptions = {}): string {
  const linkBase = options.linkBase ?? '';
  const cwd = options.cwd ?? process.cwd();
  const root = linkBase ? (repositoryRoot(cwd) ?? cwd) : null;
  const href = (file: string, line?: number) => fileLink(linkBase, root ? toDisplayPath(root, path.resolve(cwd, file)) : file, line);
  const docsBase = options.docsRepositoryUrl === undefined ? packageInfo().repositoryUrl : options.docsRepositoryUrl;
  const lines = ['## miglint', ''];
  const count = (severity: Severity) => result.findings.filter((finding) => finding.severity === severity).length;
  const scope = `${plural(result.files, 'file')}, ${plural(result.statements, 'statement')}`;
  if (result.findings.length === 0) {
    lines.push(`✅ No problems in ${scope}.`);
    return lines.join('\n') + '\n';
  }
  lines.push(`**${plural(result.findings.length, 'problem')}** (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${scope}.`, '');

  lines.push('| Rule | Severity | Findings |', '| --- | --- | ---: |');
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const rows = [...byRule.entries()].sort(
    ([a, fa], [b, fb]) => SEVERITY_ORDER.indexOf(fa[0]!.severity) - SEVERITY_ORDER.indexOf(fb[0]!.severity) || fb.length - fa.length || a.localeCompare(b),
  );
  for (const [ruleId, findings] of rows) {
    const severity = findings[0]!.severity;
    lines.push(`| ${ruleLink(ruleId, docsBase)} | ${ICON[severity]} ${severity} | ${findings.length} |`);
  }

  const blocks = result.findings.map((finding) => {
    const block = [`- ${ICON[finding.severity]} [line ${finding.line}](${href(finding.file, finding.line)}) ${escape(finding.message)} (\`${finding.ruleId}\`)`];
    for (const related of finding.related) {
      block.push(`  - [${escape(related.file)}:${related.line}](${href(related.file, related.line)}) ${escape(related.message)}`);
    }
    if (finding.suggestion) block.push(`  - Hint: ${escape(finding.suggestion)}`);
    return block.join('\n');
  });
  const budget = (options.maxLength ?? MAX_LENGTH) - lines.join('\n').length - OMITTED_NOTE_ROOM;
  const shown = fitting(result.findings, blocks, (file) => `\n### [${escape(file)}](${href(file)})\n\n`.length, budget);

  let currentFile: string | null = null;
  result.findings.forEach((finding, index) => {
    if (!shown.has(index)) return;
    if (finding.file !== currentFile) {
      currentFile = finding.file;
      lines.push('', `### [${escape(finding.file)}](${href(finding.file)})`, '');
    }
    lines.push(blocks[index]!);
  });
  const omitted = result.findings.length - shown.size;
  if (omitted > 0) {
    lines.push('', `…and ${plural(omitted, 'more finding')}, left out to keep this under GitHub's size limit for a comment (errors are shown first). \`miglint lint\` lists them all.`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The findings to show within `budget` characters: all of them when they fit, otherwise the
 * errors first, then warnings, then info, each in folder order.
 */
function fitting(findings: Finding[], blocks: string[], headerLength: (file: string) => number, budget: number): Set<number> {
  const order = findings.map((_, index) => index).sort((a, b) => SEVERITY_ORDER.indexOf(findings[a]!.severity) - SEVERITY_ORDER.indexOf(findings[b]!.severity) || a - b);
  const shown = new Set<number>();
  const filesShown = new Set<string>();
  let used = 0;
  for (const index of order) {
    const file = findings[index]!.file;
    const cost = blocks[index]!.length + 1 + (filesShown.has(file) ? 0 : headerLength(file));
    if (used + cost > budget) break;
    used += cost;
    shown.add(index);
    filesShown.add(file);
  }
  return shown;
}

function ruleLink(ruleId: string, docsBase: string | null): string {
  return findRule(ruleId) && docsBase ? `[\`${ruleId}\`](${docsBase}/blob/HEAD/${ruleDocsPath(ruleId)})` : `\`${ruleId}\``;
}

function fileLink(linkBase: string, file: string, line?: number): string {
  const target = linkBase + file.split('/').map(encodeURIComponent).join('/');
  return line === undefined ? target : `${target}#L${line}`;
}

/** Markdown's active characters in free text, so a message cannot break the layout. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
