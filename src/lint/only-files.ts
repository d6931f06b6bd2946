/**
 * Reporting only some files' findings (`lint --changed`, `--since`, `lint a.sql b.sql`): the
 * whole folder is replayed, since the rules need its history, and only the findings located in
 * the given files are kept. A finding about two files that neither owns (a version collision)
 * carries its other side, and is shown there when only that file is among the given ones.
 */
import type { LintResult } from './engine.js';
import type { Finding } from '../rule.js';

/** The result with only the findings located in `files` (paths as findings print them). */
export function onlyFindingsIn(result: LintResult, files: ReadonlySet<string>): LintResult {
  const findings: Finding[] = [];
  for (const finding of result.findings) {
    if (files.has(finding.file)) findings.push(finding);
    else if (finding.otherSide && files.has(finding.otherSide.file)) findings.push(toOtherSide(finding));
  }
  return { ...result, findings: inFileOrder(findings) };
}

/** A finding moved to its other side takes its place among that file's findings, by line. */
function inFileOrder(findings: Finding[]): Finding[] {
  const fileRank = new Map<string, number>();
  for (const finding of findings) if (!fileRank.has(finding.file)) fileRank.set(finding.file, fileRank.size);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => fileRank.get(a.finding.file)! - fileRank.get(b.finding.file)! || a.finding.line - b.finding.line || a.finding.column - b.finding.column || a.index - b.index)
    .map(({ finding }) => finding);
}

function toOtherSide(finding: Finding): Finding {
  const { otherSide, ...rest } = finding;
  return { ...rest, ...otherSide! };
}
