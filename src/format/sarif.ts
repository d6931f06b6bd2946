import { RULES } from '../../rules/index.js';
import type { LintResult } from '../engine.js';
import type { Severity } from '../rule.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results. */
export function formatSarif(result: LintResult): string {
  const usedIds = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const rules = usedIds.map((id) => {
    const rule = RULES.find((candidate) => candidate.id === id);
    return {
      id,
      shortDescription: { text: rule?.description ?? id },
      ...(rule ? { help: { text: `${rule.docs.why}\n\nFix: ${rule.docs.fix}` } } : {}),
    };
  });
  const location = (file: string, line: number, column?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: file },
      region: { startLine: line, ...(column ? { startColumn: column } : {}) },
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'miglint', informationUri: 'https://www.npmjs.com/package/miglint', rules } },
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: usedIds.indexOf(finding.ruleId),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [location(finding.file, finding.line, finding.column)],
          relatedLocations: finding.related.map((related, id) => ({
            id,
            ...location(related.file, related.line),
            message: { text: related.message },
          })),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
