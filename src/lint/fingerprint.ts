/**
 * A finding's identity across edits: the rule, the file's name in the migrations folder and
 * the syntax tree of the statement it sits in (without positions), never its line. Code
 * scanning uses it to know that a finding moved down ten lines is the same finding.
 */
import { createHash } from 'node:crypto';
import { statementContaining } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';
import type { Finding } from '../rule.js';
import { treeText } from '../tree-text.js';

export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'file' | 'line' | 'column'>, parsed: ParsedFile | undefined): string {
  const statement = parsed ? statementContaining(parsed.statements, finding) : undefined;
  const statementKey = statement ? treeText(statement.node) : '';
  return createHash('sha256')
    .update(`${finding.ruleId}\0${parsed?.file.name ?? finding.file}\0${statementKey}`)
    .digest('hex')
    .slice(0, 32);
}

/** Sets every finding's fingerprint from the files they are in. */
export function fingerprintFindings(findings: Finding[], files: ParsedFile[]): void {
  const byPath = new Map(files.map((parsed) => [parsed.file.path, parsed]));
  for (const finding of findings) finding.fingerprint = findingFingerprint(finding, byPath.get(finding.file));
}
