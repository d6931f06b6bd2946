/** Runs statements one by one in a PGlite database, keeping every rejection with its place. */
import type { PGlite } from '@electric-sql/pglite';
import { scanSync } from '../parse/wasm.js';
import type { MigrationFile } from '../discover/index.js';
import { parseFile, skipTrivia, type ParsedFile, type Statement } from '../parse/index.js';
import { splitSections } from '../parse/sections.js';

export interface Rejection {
  /** `file:line`. */
  where: string;
  /** The statement's first line, to recognise it. */
  statement: string;
  /** PostgreSQL's message. */
  message: string;
  /** For a baseline statement: where the chain has the same statement, rejected with the same message. */
  rejectedAlikeInChain?: string;
  /** True when the runner applies the file in one transaction: the rejection undid the whole file. */
  fileRolledBack?: true;
}

export function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** Runs one statement; returns PostgreSQL's message when it is rejected, null when it ran. */
export async function run(db: PGlite, sql: string): Promise<string | null> {
  try {
    await db.exec(sql);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Transaction control is left to verify: a file its runner applies in one transaction runs in
 * one, any other statement in its own.
 */
export function isTransactionControl(statement: Statement): boolean {
  return statement.kind === 'TransactionStmt';
}

/** SQL to run, in file order: a parsed statement, or text the parser refused (`statement` null). */
export interface Piece {
  text: string;
  line: number;
  statement: Statement | null;
}

/**
 * A file's statements in order, with the text between them that did not parse (a syntax error)
 * cut at its top-level semicolons: PostgreSQL is given it too, so that its own message is
 * reported at the line where the refused statement starts.
 */
export function piecesOf(parsed: ParsedFile): Piece[] {
  const statements = parsed.statements.map((statement) => ({ text: statement.text, line: statement.line, statement, start: statement.start }));
  if (parsed.problems.length === 0 || parsed.file.source === null || !parsed.positions) return statements;
  const positions = parsed.positions;
  const text = splitSections(parsed.file.source).replayable;
  const refused: (Piece & { start: number })[] = [];
  let from = 0;
  for (const bound of [...parsed.statements.map((statement) => ({ start: statement.start, end: statement.end })), { start: text.length, end: text.length }]) {
    for (const cut of cutAtSemicolons(text, from, bound.start)) {
      const start = skipTrivia(text, cut.start, cut.end);
      const sql = text.slice(start, cut.end).trimEnd();
      if (sql !== '') refused.push({ text: sql, line: positions.positionOf(start).line, statement: null, start });
    }
    from = Math.max(from, bound.end);
  }
  return [...statements, ...refused].sort((a, b) => a.start - b.start).map(({ text: sql, line, statement }) => ({ text: sql, line, statement }));
}

/**
 * `text[from, to)` cut at its top-level `;` tokens (left out); whole when the scanner refuses it
 * (an unterminated quote), past the `;` that ends the statement before.
 */
function cutAtSemicolons(text: string, from: number, to: number): { start: number; end: number }[] {
  const slice = text.slice(from, to);
  let tokens: { text: string; start: number; end: number }[];
  try {
    tokens = scanSync(slice).tokens;
  } catch {
    const start = skipTrivia(text, from, to);
    return [{ start: text[start] === ';' ? start + 1 : start, end: to }];
  }
  const bytes = Buffer.from(slice);
  const index = (byte: number) => from + bytes.subarray(0, byte).toString().length;
  const semicolons = tokens.filter((token) => token.text === ';');
  const starts = [from, ...semicolons.map((token) => index(token.end))];
  const ends = [...semicolons.map((token) => index(token.start)), to];
  return starts.map((start, position) => ({ start, end: ends[position]! }));
}

/** Parses SQL text that is not a migration file (the baseline) into located statements. */
export function parseText(name: string, text: string): ParsedFile {
  const file: MigrationFile = {
    scheme: 'none',
    version: null,
    versionParts: [],
    description: name,
    direction: null,
    repeatable: false,
    undo: false,
    absolutePath: name,
    path: name,
    name,
    source: text,
    readError: null,
    replayed: true,
    order: 0,
    transactionMode: 'statements',
  };
  return parseFile(file);
}
