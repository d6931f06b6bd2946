/**
 * Deeply nested expressions: every later stage walks syntax trees recursively, so a statement
 * nested deeper than the parser's limit is a located problem, never a stack overflow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeEntry } from '../../src/cache/parse-cache.js';
import { parseMigrationName } from '../../src/discover/filename.js';
import type { MigrationFile } from '../../src/discover/index.js';
import { loadParser, parseFile } from '../../src/parse/index.js';

beforeAll(() => loadParser());

function fileOf(source: string): MigrationFile {
  return { ...parseMigrationName('001_a.sql'), absolutePath: '/m/001_a.sql', path: 'm/001_a.sql', name: '001_a.sql', source, readError: null, replayed: true, order: 0, transactionMode: 'statements' };
}

const TOO_DEEP = /^statement nested too deeply \(more than 1000 levels\)/;

describe('deeply nested statements', () => {
  it('keeps a moderately nested statement (250 additions, a 250-part concatenation)', () => {
    const parsed = parseFile(fileOf(`SELECT ${'1+'.repeat(250)}1;\nSELECT ${"'a' || ".repeat(250)}'a';\n`));
    expect(parsed.problems).toEqual([]);
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(['SelectStmt', 'SelectStmt']);
  });

  for (const [name, expression] of [
    ['additions', `${'1+'.repeat(2000)}1`],
    ['array constructors', `${'ARRAY['.repeat(2000)}1${']'.repeat(2000)}`],
    ['function calls', `${'abs('.repeat(2000)}1${')'.repeat(2000)}`],
  ] as const) {
    it(`reports 2,000 nested ${name} on the statement's own line and keeps the rest of the file`, () => {
      const source = `CREATE TABLE a (id int);\n-- the deep one\n\nSELECT ${expression};\nCREATE TABLE b (id int);\n`;
      const parsed = parseFile(fileOf(source));
      expect(parsed.problems.map((problem) => [problem.line, problem.column])).toEqual([[4, 1]]);
      expect(parsed.problems[0]!.message).toMatch(TOO_DEEP);
      expect(parsed.statements.map((statement) => statement.text)).toEqual(['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)']);
      expect(encodeEntry(parsed)).not.toBeNull();
    });
  }

  it('reports a statement too deep for the parser itself (its own stack) where it starts', () => {
    const parsed = parseFile(fileOf(`CREATE TABLE a (id int);\n\nSELECT ${'1+'.repeat(30000)}1;\n`));
    expect(parsed.problems.map((problem) => [problem.line, problem.column])).toEqual([[3, 1]]);
    expect(parsed.problems[0]!.message).toMatch(TOO_DEEP);
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(['CreateStmt']);
  });
});
