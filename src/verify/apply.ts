/** Runs statements one by one in a PGlite database, keeping every rejection with its place. */
import type { PGlite } from '@electric-sql/pglite';
import type { MigrationFile } from '../discover/index.js';
import { parseFile, type ParsedFile, type Statement } from '../parse/index.js';

export interface Rejection {
  /** `file:line`. */
  where: string;
  /** The statement's first line, to recognise it. */
  statement: string;
  /** PostgreSQL's message. */
  message: string;
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

/** Transaction control is left to verify: each statement runs in its own transaction. */
export function isTransactionControl(statement: Statement): boolean {
  return statement.kind === 'TransactionStmt';
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
  };
  return parseFile(file);
}
