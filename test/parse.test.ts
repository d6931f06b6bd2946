import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMigrationName } from '../src/discover/filename.js';
import type { MigrationFile } from '../src/discover/index.js';
import { loadParser, parseFile, type ParsedFile } from '../src/parse/index.js';
import { SourcePositions } from '../src/parse/positions.js';

beforeAll(() => loadParser());

function fileOf(source: string | null, name = '001_a.sql', readError: string | null = null): MigrationFile {
  return {
    ...parseMigrationName(name),
    absolutePath: `/migrations/${name}`,
    path: `migrations/${name}`,
    name,
    source,
    readError,
    replayed: true,
    order: 0,
    transactionMode: 'statements',
  };
}

function parse(source: string): ParsedFile {
  return parseFile(fileOf(source));
}

/** `line:column kind text` for every statement. */
function statementsOf(parsed: ParsedFile): string[] {
  return parsed.statements.map((statement) => `${statement.line}:${statement.column} ${statement.kind} ${statement.text}`);
}

/** `line:column message` for every problem. */
function problemsOf(parsed: ParsedFile): string[] {
  return parsed.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
}

describe('parseFile: statements and positions', () => {
  it('locates every statement at its first token, after comments and blank lines', () => {
    const parsed = parse(
      '-- header\n\nCREATE TABLE a (id int);\n  /* block */ ALTER TABLE a ADD COLUMN b text;\n\n\tDROP TABLE a;',
    );
    expect(statementsOf(parsed)).toEqual([
      '3:1 CreateStmt CREATE TABLE a (id int)',
      '4:15 AlterTableStmt ALTER TABLE a ADD COLUMN b text',
      '6:2 DropStmt DROP TABLE a',
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.statements.map((statement) => statement.index)).toEqual([0, 1, 2]);
    const [first] = parsed.statements;
    expect(parsed.file.source!.slice(first!.start, first!.end)).toBe('CREATE TABLE a (id int)');
  });

  it('ends a last statement with no semicolon at its last token, not at the comments after it', () => {
    const parsed = parse("CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'é 😀'\n-- trailing comment\n/* block */\n");
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)', "2:1 CommentStmt COMMENT ON TABLE a IS 'é 😀'"]);
    expect(parsed.statements[1]!.end).toBe(parsed.file.source!.indexOf('\n-- trailing'));
  });

  it('keeps two statements on one line apart', () => {
    expect(statementsOf(parse('CREATE TABLE a (id int); CREATE TABLE b (id int);'))).toEqual([
      '1:1 CreateStmt CREATE TABLE a (id int)',
      '1:26 CreateStmt CREATE TABLE b (id int)',
    ]);
  });

  it('counts UTF-8 bytes right after non-ASCII comments and strings (é, Vietnamese, emoji)', () => {
    const source = [
      '-- café: crème brûlée',
      '-- Bảng người dùng (Vietnamese) 🎉🚀',
      "CREATE TABLE users (name text DEFAULT 'Nguyễn 😀', id int);",
      "COMMENT ON TABLE users IS 'ñ 🎉';",
      'ALTER TABLE users ADD COLUMN email text;',
    ].join('\n');
    const parsed = parse(source);
    expect(statementsOf(parsed)).toEqual([
      "3:1 CreateStmt CREATE TABLE users (name text DEFAULT 'Nguyễn 😀', id int)",
      "4:1 CommentStmt COMMENT ON TABLE users IS 'ñ 🎉'",
      '5:1 AlterTableStmt ALTER TABLE users ADD COLUMN email text',
    ]);
    // An AST location (bytes) inside the statement maps to the right column.
    const create = parsed.statements[0]!.node as { CreateStmt: { tableElts: { ColumnDef: { location: number } }[] } };
    const idColumn = create.CreateStmt.tableElts[1]!.ColumnDef.location;
    expect(parsed.positions!.positionOfByte(idColumn)).toEqual({ line: 3, column: source.split('\n')[2]!.indexOf('id int') + 1 });
  });

  it('gives no statements and no problems for empty, blank and comment-only files', () => {
    for (const source of ['', '   \n\n', '-- only a comment\n', '/* block\n comment */\n-- and more', ';']) {
      const parsed = parse(source);
      expect(parsed.statements).toEqual([]);
      expect(parsed.problems).toEqual([]);
    }
  });

  it('handles CRLF line endings', () => {
    const parsed = parse('CREATE TABLE a (id int);\r\n\r\n  CREATE TABLEX b;\r\nCREATE TABLE c (id int);\r\n');
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)', '4:1 CreateStmt CREATE TABLE c (id int)']);
    expect(problemsOf(parsed)).toEqual(['3:10 syntax error at or near "TABLEX"']);
  });

  it('reports a NUL byte where it is and parses around it', () => {
    const parsed = parse('CREATE TABLE a (id int);\n\0CREATE TABLE b (id int);\n');
    expect(problemsOf(parsed)).toEqual(['2:1 file contains a NUL byte']);
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)', '2:2 CreateStmt CREATE TABLE b (id int)']);
  });

  it('reports a file that could not be read at 1:1, with no statements', () => {
    const parsed = parseFile(fileOf(null, '001_a.sql', 'file is not valid UTF-8 text'));
    expect(problemsOf(parsed)).toEqual(['1:1 file is not valid UTF-8 text']);
    expect(parsed.statements).toEqual([]);
    expect(parsed.positions).toBeNull();
  });
});

describe('parseFile: a file that fails as a whole', () => {
  it('reports the bad statement at its line:column and keeps the statements before and after it', () => {
    const parsed = parse(
      [
        '-- Tiếng Việt 🎉',
        'CREATE TABLE a (id int);',
        "INSERT INTO a VALUES (1); -- é;",
        '    CREATE TABLEX broken (id int);',
        "COMMENT ON TABLE a IS 'x; y 😀';",
        'CREATE TABLE b (id int);',
      ].join('\n'),
    );
    expect(statementsOf(parsed)).toEqual([
      '2:1 CreateStmt CREATE TABLE a (id int)',
      '3:1 InsertStmt INSERT INTO a VALUES (1)',
      "5:1 CommentStmt COMMENT ON TABLE a IS 'x; y 😀'",
      '6:1 CreateStmt CREATE TABLE b (id int)',
    ]);
    expect(problemsOf(parsed)).toEqual(['4:12 syntax error at or near "TABLEX"']);
    expect(parsed.problems[0]!.hint).toBeNull();
  });

  it('locates a bad statement after non-ASCII text (the error cursor counts code points, not bytes)', () => {
    expect(problemsOf(parse('-- é\nCREATE TABLEX a;'))).toEqual(['2:8 syntax error at or near "TABLEX"']);
    expect(problemsOf(parse('-- 😀😀 Việt\n  CREATE TABLEX a;'))).toEqual(['2:10 syntax error at or near "TABLEX"']);
    const chunked = parse("COMMENT ON TABLE a IS 'ñ';\n-- ñ 😀\nCOMMENT ON TABLE a IS 'ñ'; CREATE TABLEX b;\n");
    expect(problemsOf(chunked)).toEqual(['3:35 syntax error at or near "TABLEX"']);
    expect(problemsOf(parse("COMMENT ON TABLE a IS 'ñ';\n-- ñ 😀\nCREATE TABLEX b;\n"))).toEqual(['3:8 syntax error at or near "TABLEX"']);
  });

  it('reports every bad statement, not only the first', () => {
    const parsed = parse('CREATE TABLEX a;\nCREATE TABLE b (id int);\nALTER TABLEX c;\nSELECT 1;');
    expect(problemsOf(parsed)).toEqual(['1:8 syntax error at or near "TABLEX"', '3:7 syntax error at or near "TABLEX"']);
    expect(statementsOf(parsed)).toEqual(['2:1 CreateStmt CREATE TABLE b (id int)', '4:1 SelectStmt SELECT 1']);
  });

  it('hints at CREATE POLICY IF NOT EXISTS, even after a comment holding a semicolon', () => {
    const parsed = parse(
      'CREATE TABLE a (id int);\n-- note; careful\nCREATE POLICY IF NOT EXISTS "read" ON a FOR SELECT USING (true);\nCREATE TABLE b (id int);\n',
    );
    expect(problemsOf(parsed)).toEqual(['3:18 syntax error at or near "NOT"']);
    expect(parsed.problems[0]!.hint).toBe(
      'PostgreSQL has no CREATE POLICY IF NOT EXISTS; write DROP POLICY IF EXISTS ... ON ...; then CREATE POLICY.',
    );
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)', '4:1 CreateStmt CREATE TABLE b (id int)']);
  });

  it('hints at other IF [NOT] EXISTS forms PostgreSQL does not have', () => {
    const hintOf = (sql: string) => parse(sql).problems[0]?.hint;
    expect(hintOf('DROP INDEX IF NOT EXISTS trash_idx;')).toBe('DROP takes IF EXISTS, not IF NOT EXISTS.');
    expect(hintOf('DROP MATERIALIZED VIEW IF NOT EXISTS v;')).toBe('DROP takes IF EXISTS, not IF NOT EXISTS.');
    expect(hintOf('CREATE ROLE IF NOT EXISTS app;')).toContain('pg_roles');
    expect(hintOf('CREATE DOMAIN IF NOT EXISTS email AS text;')).toContain('no CREATE DOMAIN IF NOT EXISTS');
    expect(hintOf('CREATE TYPE IF NOT EXISTS mood AS ENUM (\'a\');')).toContain('no CREATE TYPE IF NOT EXISTS');
    expect(hintOf('CREATE OR REPLACE TABLE t (id int);')).toContain('no CREATE OR REPLACE TABLE');
    expect(hintOf('CREATE TABLEX t (id int);')).toBeNull();
  });

  it('hints at MySQL syntax', () => {
    expect(parse('CREATE TABLE a (id int AUTO_INCREMENT);').problems[0]!.hint).toContain('GENERATED ALWAYS AS IDENTITY');
    expect(parse('CREATE TABLE `a` (id int);').problems[0]!.hint).toContain('double quotes');
  });

  it('keeps BEGIN ATOMIC bodies whole when another statement in the file is broken', () => {
    const parsed = parse(
      [
        'CREATE FUNCTION f() RETURNS int LANGUAGE sql',
        'BEGIN ATOMIC',
        '  SELECT 1;',
        '  SELECT 2;',
        'END;',
        'CREATE TABLEX x;',
        'CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END;',
        'SELECT 3;',
      ].join('\n'),
    );
    expect(problemsOf(parsed)).toEqual(['6:8 syntax error at or near "TABLEX"']);
    expect(statementsOf(parsed)).toEqual([
      '1:1 CreateFunctionStmt CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND',
      '7:1 CreateFunctionStmt CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END',
      '8:1 SelectStmt SELECT 3',
    ]);
  });

  it('reports a statement cut off at the end of the file', () => {
    const parsed = parse('CREATE TABLE a (id int);\nCREATE TABLE b (id int');
    expect(problemsOf(parsed)).toEqual(['2:23 syntax error at end of input']);
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)']);
  });

  it('reports an unterminated dollar quote where it opens, and keeps what comes before', () => {
    const parsed = parse('CREATE TABLE a (id int);\nDO $$ BEGIN\n  PERFORM 1;\n  PERFORM 2;\n');
    expect(problemsOf(parsed)).toEqual(['2:4 unterminated dollar-quoted string at or near "$$ BEGIN…"']);
    expect(statementsOf(parsed)).toEqual(['1:1 CreateStmt CREATE TABLE a (id int)']);
  });

  it('reports both a syntax error and an unterminated quote later in the same file', () => {
    const parsed = parse('CREATE TABLEX a;\nCREATE TABLE b (id int);\nDO $fn$ BEGIN\n');
    expect(problemsOf(parsed)).toEqual([
      '1:8 syntax error at or near "TABLEX"',
      '3:4 unterminated dollar-quoted string at or near "$fn$ BEGIN…"',
    ]);
    expect(statementsOf(parsed)).toEqual(['2:1 CreateStmt CREATE TABLE b (id int)']);
  });

  it('reports unterminated comments, strings and identifiers', () => {
    expect(problemsOf(parse('CREATE TABLE a (id int);\n/* never /* closed */\nCREATE TABLE b (id int);\n'))).toEqual([
      '2:1 unterminated /* comment at or near "/* never /* closed */…"',
    ]);
    const quote = parse("CREATE TABLEX a;\nCREATE TABLE b (id int);\nCOMMENT ON TABLE b IS 'it''s;\n");
    expect(problemsOf(quote)).toEqual([
      '1:8 syntax error at or near "TABLEX"',
      `3:23 unterminated quoted string at or near "'it''s;…"`,
    ]);
    expect(statementsOf(quote)).toEqual(['2:1 CreateStmt CREATE TABLE b (id int)']);
    expect(problemsOf(parse('COMMENT ON TABLE "b IS x;'))).toEqual(['1:18 unterminated quoted identifier at or near ""b IS x;"']);
  });
});

describe('parseFile: runner annotations and psql meta-commands', () => {
  it('replays only the goose Up section; StatementBegin/End keep a function whole', () => {
    const parsed = parse(
      [
        '-- +goose Up',
        '-- +goose StatementBegin',
        'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;',
        '-- +goose StatementEnd',
        'CREATE TABLE a (id int);',
        '',
        '-- +goose Down',
        'DROP TABLE a;',
        'DROP FUNCTION f;',
      ].join('\n'),
    );
    expect(statementsOf(parsed)).toEqual([
      '3:1 CreateFunctionStmt CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql',
      '5:1 CreateStmt CREATE TABLE a (id int)',
    ]);
    expect(parsed).toMatchObject({ dialect: 'goose', hasDownSection: true, problems: [] });
  });

  it('replays only the dbmate up section, and ignores SQL errors in the down section', () => {
    const parsed = parse('-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLEX a;\n');
    expect(statementsOf(parsed)).toEqual(['2:1 CreateStmt CREATE TABLE a (id int)']);
    expect(parsed).toMatchObject({ dialect: 'dbmate', hasDownSection: true, problems: [] });
  });

  it('does not treat a plain file as annotated', () => {
    expect(parse('CREATE TABLE a (id int);')).toMatchObject({ dialect: null, hasDownSection: false });
  });

  it('understands psql \\set, \\i and \\connect lines instead of reporting parse errors', () => {
    const parsed = parse('\\set ON_ERROR_STOP on\n\\connect mydb\nCREATE TABLE a (id int);\n  \\i other.sql\nCREATE TABLE b (id int);\n');
    expect(parsed.problems).toEqual([]);
    expect(statementsOf(parsed)).toEqual(['3:1 CreateStmt CREATE TABLE a (id int)', '5:1 CreateStmt CREATE TABLE b (id int)']);
    expect(parsed.metaCommands).toEqual([
      { line: 1, text: '\\set ON_ERROR_STOP on' },
      { line: 2, text: '\\connect mydb' },
      { line: 4, text: '\\i other.sql' },
    ]);
  });
});

describe('parseFile: pg_dump data', () => {
  it('skips the data lines after COPY ... FROM stdin up to \\.', () => {
    const parsed = parse(
      'CREATE TABLE a (id int, name text);\r\nCOPY a (id, name) FROM stdin;\r\n1\tAlice\r\n2\tBob; the builder\r\n\\.\r\nCREATE TABLE b (id int);\r\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(statementsOf(parsed)).toEqual([
      '1:1 CreateStmt CREATE TABLE a (id int, name text)',
      '2:1 CopyStmt COPY a (id, name) FROM stdin',
      '6:1 CreateStmt CREATE TABLE b (id int)',
    ]);
  });

  it('keeps a COPY from a file, which has no inline data', () => {
    expect(statementsOf(parse("COPY a FROM '/tmp/a.csv';\nSELECT 1;"))).toEqual([
      "1:1 CopyStmt COPY a FROM '/tmp/a.csv'",
      '2:1 SelectStmt SELECT 1',
    ]);
  });
});

describe('SourcePositions', () => {
  it('maps UTF-8 byte offsets to string indexes and line:column', () => {
    const text = 'é\n😀x\nab';
    const positions = new SourcePositions(text);
    // é is 2 bytes, \n 1, 😀 4 bytes (2 UTF-16 units), x 1.
    expect(positions.indexOfByte(0)).toBe(0);
    expect(positions.indexOfByte(2)).toBe(1);
    expect(positions.indexOfByte(3)).toBe(2);
    expect(positions.indexOfByte(7)).toBe(4);
    expect(positions.positionOfByte(7)).toEqual({ line: 2, column: 3 });
    expect(positions.positionOfByte(9)).toEqual({ line: 3, column: 1 });
    expect(positions.positionOf(text.length)).toEqual({ line: 3, column: 3 });
  });
});

/** `import { parseSync, type Node } from 'libpg-query'`: a value import (type-only ones are erased). */
const VALUE_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'libpg-query'/gm;

function importsParserValues(source: string): boolean {
  return [...source.matchAll(VALUE_IMPORT)].some((match) => match[1]!.split(',').some((name) => name.trim() !== '' && !name.trim().startsWith('type ')));
}

describe('the parser instance', () => {
  it("is the one src/parse/wasm.ts loads: no other module calls libpg-query's wrapper, whose own instance is never loaded", () => {
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
    const sources = ['src', 'rules'].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(dir, file)),
    );
    expect(importsParserValues("import { parseSync, type Node } from 'libpg-query';")).toBe(true);
    expect(importsParserValues("import { type Node } from 'libpg-query';\nimport type { RawStmt } from 'libpg-query';")).toBe(false);
    expect(sources.filter((file) => importsParserValues(readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });
});
