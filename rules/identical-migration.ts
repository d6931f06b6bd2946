import type { ParsedFile } from '../src/parse/index.js';
import { defineRule, shortName, type Report } from '../src/rule.js';
import { treeText } from '../src/tree-text.js';

/** Statements that change nothing: two files holding only these are placeholders, not copies. */
const INERT = new Set(['SelectStmt', 'VariableSetStmt', 'TransactionStmt']);

/** The statements' syntax trees without positions: equal whatever the white space and comments. */
function fingerprint(parsed: ParsedFile): string {
  return parsed.statements.map((statement) => treeText(statement.node)).join('\n');
}

/** Equal for identical files and cheap: the kinds of all statements and the first one's tree. */
function outline(parsed: ParsedFile): string {
  return `${parsed.statements.map((statement) => statement.kind).join(' ')}\n${treeText(parsed.statements[0]?.node)}`;
}

export default defineRule({
  id: 'identical-migration',
  category: 'history',
  severity: 'warning',
  description: 'Two migration files hold the same statements (white space and comments aside).',
  docs: {
    why: 'A copied migration runs its statements twice: the second run fails ("already exists"), or with IF NOT EXISTS silently does nothing. It usually comes from a file renamed to a new naming scheme while the old copy stayed behind.',
    fix: 'Delete the copy; if the old name was already applied somewhere, keep that one.',
    bad: '028_stories_meeting_ref.sql                 ALTER TABLE stories ADD COLUMN meeting_id uuid;\n20260401028000_stories_meeting_ref.sql      ALTER TABLE stories ADD COLUMN meeting_id uuid;',
    good: '20260401028000_stories_meeting_ref.sql      ALTER TABLE stories ADD COLUMN meeting_id uuid;',
  },
  check({ files }) {
    const reports: Report[] = [];
    const first = new Map<string, ParsedFile>();
    const candidates = files.filter(
      (parsed) => parsed.file.replayed && parsed.problems.length === 0 && !parsed.statements.every((statement) => INERT.has(statement.kind)),
    );
    // Only files with the same outline can be identical: fingerprint those alone.
    const outlines = candidates.map(outline);
    const counts = new Map<string, number>();
    for (const key of outlines) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const [position, parsed] of candidates.entries()) {
      if (counts.get(outlines[position]!)! < 2) continue;
      const key = fingerprint(parsed);
      const original = first.get(key);
      if (!original) {
        first.set(key, parsed);
        continue;
      }
      const statement = parsed.statements[0]!;
      reports.push({
        file: parsed.file.path,
        line: statement.line,
        column: statement.column,
        message: `This migration has the same statements as ${shortName(original.file.path)}.`,
        related: [{ file: original.file.path, line: original.statements[0]!.line, message: 'the same statements' }],
      });
    }
    return reports;
  },
});
