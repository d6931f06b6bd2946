/** The statements of the replayed files, looked up by where they stand. */
import type { ParsedFile, Statement } from '../parse/index.js';
import type { Origin } from '../replay/model.js';

export class Sources {
  private readonly names = new Map<string, string>();
  private readonly statements = new Map<string, Statement>();

  constructor(readonly files: ParsedFile[]) {
    for (const parsed of files) {
      this.names.set(parsed.file.path, parsed.file.name);
      for (const statement of parsed.statements) this.statements.set(`${parsed.file.path}\u0000${statement.index}`, statement);
    }
  }

  /** `file:line`, the file relative to the migrations folder (the same from any directory). */
  where(origin: Pick<Origin, 'path' | 'line'>): string {
    return `${this.names.get(origin.path) ?? origin.path}:${origin.line}`;
  }

  statement(origin: Pick<Origin, 'path' | 'statementIndex'>): Statement | undefined {
    return this.statements.get(`${origin.path}\u0000${origin.statementIndex}`);
  }

  /** Every statement with its origin, in runner order. */
  *all(): Generator<{ origin: Origin; statement: Statement }> {
    for (const parsed of this.files) {
      for (const statement of parsed.statements) {
        const origin = { path: parsed.file.path, fileOrder: parsed.file.order, statementIndex: statement.index, line: statement.line, column: statement.column };
        yield { origin, statement };
      }
    }
  }
}

/** The original text, closed with a semicolon (on its own line after a trailing comment). */
export function closed(text: string): string {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  return lastLine.includes('--') ? `${text}\n;` : `${text};`;
}

export interface Carried {
  origin: Origin;
  text: string;
}

/** A statement carried as written, under a comment naming where it comes from. */
export function carriedBlock(sources: Sources, carried: Carried): string {
  return `-- ${sources.where(carried.origin)}\n${closed(carried.text)}`;
}
