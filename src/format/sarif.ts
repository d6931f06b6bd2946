/**
 * SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results.
 * Paths are relative to the repository root (code scanning matches them to the checkout), and
 * each result carries a fingerprint that survives lines moving.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Location, ReportingDescriptor, Result } from 'sarif';
import type { LintResult } from '../lint/engine.js';
import { findingFingerprint } from '../lint/fingerprint.js';
import { packageInfo, type PackageInfo } from '../package-info.js';
import { findRule, type RuleEntry } from '../rule-catalog.js';
import { ruleDocsBody, ruleDocsPath } from '../rule-docs.js';
import type { Finding, Severity } from '../rule.js';
import type { FormatOptions } from './types.js';
import { repositoryRoot } from './repository-root.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** Code scanning's own severity scale, shown next to each alert. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };
/** GitHub's bands: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };
const ROOT = '%SRCROOT%';
/** The key of miglint's fingerprint in `partialFingerprints`; bump the version if its recipe changes. */
export const FINGERPRINT_KEY = 'miglint/statement/v1';

export function formatSarif(result: LintResult, options: FormatOptions): string {
  return JSON.stringify(sarifLog(result, options.cwd ?? process.cwd()), null, 2) + '\n';
}

export function sarifLog(result: LintResult, cwd: string, tool: PackageInfo = packageInfo()): Log {
  const { version, repositoryUrl } = tool;
  const root = repositoryRoot(cwd) ?? path.resolve(cwd);
  const uriOf = (file: string) => uriFromRoot(path.relative(root, path.resolve(cwd, file)));

  const usedIds = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const rules = usedIds.map((id) => descriptor(id, findRule(id), repositoryUrl));
  const location = (file: string, line: number, column?: number): Location => ({
    physicalLocation: {
      artifactLocation: { uri: uriOf(file), uriBaseId: ROOT },
      region: { startLine: line, ...(column ? { startColumn: column } : {}) },
    },
  });
  const seen = new Map<string, number>();
  const results = result.findings.map((finding): Result => {
    // Identical findings in one statement are told apart by their order, as code scanning's own hashes are.
    const base = finding.fingerprint ?? findingFingerprint(finding, undefined);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return {
      ruleId: finding.ruleId,
      ruleIndex: usedIds.indexOf(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: messageText(finding) },
      locations: [location(finding.file, finding.line, finding.column)],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, index) => ({
              id: index + 1,
              ...location(related.file, related.line),
              message: { text: escapeText(related.message) },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${occurrence}` },
    };
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'miglint',
            version,
            semanticVersion: version,
            informationUri: repositoryUrl ?? 'https://www.npmjs.com/package/miglint',
            rules,
          },
        },
        originalUriBaseIds: { [ROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function descriptor(id: string, rule: RuleEntry | undefined, repositoryUrl: string | null): ReportingDescriptor {
  if (!rule) return { id, shortDescription: { text: id } };
  const body = ruleDocsBody(rule);
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.why },
    help: { text: `${rule.docs.why}\n\nHow to fix: ${rule.docs.fix}`, markdown: body },
    ...(repositoryUrl ? { helpUri: `${repositoryUrl}/blob/HEAD/${ruleDocsPath(id)}` } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabledByDefault },
    properties: {
      tags: ['sql', 'postgresql', rule.category],
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
      // Code scanning ranks security alerts (critical/high/medium/low) by this score alone.
      ...(rule.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}),
    },
  };
}

/** The message, with each related place linked by its id (`[text](1)`), as code scanning renders it. */
function messageText(finding: Finding): string {
  const links = finding.related.map((related, index) => `[${escapeText(related.message)}](${index + 1})`);
  return escapeText(finding.message) + (links.length > 0 ? ` See ${links.join(', ')}.` : '');
}

/** Brackets and backslashes in plain text are escaped, so only our links read as links. */
function escapeText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/** A `/`-separated relative path as a URI reference: each segment percent-encoded where it must be. */
function uriFromRoot(relative: string): string {
  return relative
    .split(path.sep)
    .map((segment) => encodeURIComponent(segment).replace(/%2C/g, ',').replace(/%40/g, '@'))
    .join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, character: string) => character.toUpperCase());
}
