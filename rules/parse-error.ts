import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'parse-error',
  category: 'syntax',
  severity: 'error',
  description: 'A statement that PostgreSQL cannot parse, or a file that cannot be read as SQL text.',
  docs: {
    why: 'PostgreSQL rejects the statement, so the migration fails when it runs, and every later file runs against a database that does not have what this one should have made. miglint reports where the statement breaks and still lints the rest of the file.',
    fix: 'Correct the statement. Some SQL looks right but is not PostgreSQL (CREATE POLICY IF NOT EXISTS, AUTO_INCREMENT, backticks); the hint says what PostgreSQL accepts instead.',
    bad: 'CREATE POLICY IF NOT EXISTS "read own" ON profiles FOR SELECT USING (auth.uid() = id);',
    good: 'DROP POLICY IF EXISTS "read own" ON profiles;\nCREATE POLICY "read own" ON profiles FOR SELECT USING (auth.uid() = id);',
  },
  check({ files }) {
    return files.flatMap((parsed) =>
      parsed.problems.map((problem) => ({
        message: problem.message,
        file: parsed.file.path,
        line: problem.line,
        column: problem.column,
        ...(problem.hint ? { suggestion: problem.hint } : {}),
      })),
    );
  },
});
