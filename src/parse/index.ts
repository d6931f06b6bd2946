import type { Node, ParseResult, RawStmt } from 'libpg-query';
import type { MigrationFile } from '../discover/index.js';
import { hintFor } from './hints.js';
import { SourcePositions } from './positions.js';
import { splitSections, type MetaCommand, type RunnerDialect } from './sections.js';
import { parseToJson, scanSync } from './wasm.js';

export { loadParser } from './wasm.js';

export interface Statement {
  /** Position of the statement in its file, from 0. */
  index: number;
  /** The AST node type, e.g. `CreateStmt`. */
  kind: string;
  node: Node;
  /** The statement's SQL without leading comments or the closing semicolon. */
  text: string;
  /** String indexes into the file's source. */
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  hint: string | null;
}

export interface ParsedFile {
  file: MigrationFile;
  statements: Statement[];
  problems: ParseProblem[];
  dialect: RunnerDialect | null;
  hasDownSection: boolean;
  metaCommands: MetaCommand[];
  /** Turns AST `location` byte offsets into line:column; null for unreadable files. */
  positions: SourcePositions | null;
}

interface SqlFailure {
  message: string;
  /** Byte offset into the parsed text, from 0. */
  cursor: number;
  /** Byte offset where the failing statement's chunk starts, when the scanner cut it. */
  chunkStart?: number;
}

/** Parses one migration file. Never throws: every failure becomes a located problem. */
export function parseFile(file: MigrationFile): ParsedFile {
  return parseFileWithTree(file).parsed;
}

/**
 * Parses one migration file, and hands back the parser's JSON text of its statements' trees
 * when one parse of the whole file gave them all (for the parse cache); null otherwise.
 */
export function parseFileWithTree(file: MigrationFile): { parsed: ParsedFile; treeJson: string | null } {
  const empty = { statements: [], problems: [], dialect: null, hasDownSection: false, metaCommands: [] };
  if (file.source === null) {
    const problem = { message: file.readError ?? 'cannot read file', line: 1, column: 1, hint: null };
    return { parsed: { file, ...empty, problems: [problem], positions: null }, treeJson: null };
  }

  const sections = splitSections(file.source);
  const positions = new SourcePositions(file.source);
  const problems: ParseProblem[] = [];
  let text = sections.replayable;
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    problems.push({ ...positions.positionOf(nul), message: 'file contains a NUL byte', hint: null });
    text = text.replace(/\0/g, ' ');
  }

  const raw: RawStmt[] = [];
  const whole = tryParse(text);
  let treeJson: string | null = null;
  if ('stmts' in whole) {
    raw.push(...whole.stmts);
    treeJson = whole.json;
  } else {
    const recovered = parseStatementByStatement(text, positions, whole);
    raw.push(...recovered.stmts);
    problems.push(...recovered.failures.map((failure) => toProblem(failure, text, positions)));
  }

  const statements = raw.map((stmt, index) => toStatement(stmt, index, text, file.source!, positions));
  const parsed = {
    file,
    statements,
    problems,
    dialect: sections.dialect,
    hasDownSection: sections.hasDownSection,
    metaCommands: sections.metaCommands,
    positions,
  };
  return { parsed, treeJson };
}

/** The statements of a text, with the parser's JSON text of them (null for an empty text). */
function tryParse(text: string): { stmts: RawStmt[]; json: string | null } | SqlFailure {
  let stmts: RawStmt[];
  let json: string;
  try {
    json = parseToJson(text);
    stmts = (JSON.parse(json) as ParseResult).stmts ?? [];
  } catch (error) {
    if (/query cannot be empty/i.test(String((error as Error).message))) return { stmts: [], json: null };
    if (error instanceof RangeError) return { message: TOO_DEEP, cursor: firstTokenByte(text, 0) };
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    return { message: (error as Error).message, cursor: byteOffsetOfCodePoint(text, details?.cursorPosition ?? 0) };
  }
  const deep = stmts.find((stmt) => nestedDeeperThan(stmt.stmt, MAX_NESTING));
  if (deep) return { message: TOO_DEEP, cursor: firstTokenByte(text, deep.stmt_location ?? 0) };
  return { stmts, json };
}

/**
 * Syntax trees deeper than this (JSON levels; `1+1+...+1` takes 2 per `+`) are refused: every
 * walk over a tree (replay, rules, the baseline, the cache) recurses, and one statement must not
 * exhaust the stack. Real migrations stay far below it.
 */
const MAX_NESTING = 1000;
const TOO_DEEP = `statement nested too deeply (more than ${MAX_NESTING} levels); miglint does not analyse it`;

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestedDeeperThan(item, levels - 1)) return true;
    return false;
  }
  for (const key in value) if (nestedDeeperThan((value as Record<string, unknown>)[key], levels - 1)) return true;
  return false;
}

/** The byte offset of a statement's first token: `stmt_location` counts the white space and comments before it. */
function firstTokenByte(text: string, stmtLocation: number): number {
  const bytes = Buffer.from(text);
  const from = bytes.subarray(0, stmtLocation).toString().length;
  return Buffer.byteLength(text.slice(0, skipTrivia(text, from, text.length)));
}

/** The error cursor, unlike every other position libpg-query returns, counts code points, not bytes. */
function byteOffsetOfCodePoint(text: string, codePoints: number): number {
  let bytes = 0;
  let index = 0;
  for (let counted = 0; counted < codePoints && index < text.length; counted++) {
    const code = text.codePointAt(index)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += code > 0xffff ? 2 : 1;
  }
  return bytes;
}

/** Statements that need more than one `;`-chunk (`BEGIN ATOMIC ... END`) are joined, up to this many. */
const MAX_JOINED_CHUNKS = 64;

/**
 * The file failed as a whole: cut it at top-level semicolons with PostgreSQL's own scanner and
 * parse each piece, so one bad statement is reported where it is and the others still count.
 */
function parseStatementByStatement(
  text: string,
  positions: SourcePositions,
  wholeFailure: SqlFailure,
): { stmts: RawStmt[]; failures: SqlFailure[] } {
  const boundaries = semicolonBoundaries(text);
  if (boundaries === null) {
    // The scanner gives up on an unterminated quote or comment; keep what comes before it.
    const before = text.slice(0, lastSemicolonBefore(text, positions.indexOfByte(wholeFailure.cursor)));
    const earlier = before.trim() === '' ? { stmts: [], json: null } : tryParse(before);
    const stmts = 'stmts' in earlier ? earlier.stmts : [];
    return { stmts, failures: [wholeFailure] };
  }

  const stmts: RawStmt[] = [];
  const failures: SqlFailure[] = [];
  const byteToIndex = (byte: number) => positions.indexOfByte(byte);
  let first = 0;
  while (first < boundaries.length - 1) {
    const startByte = boundaries[first]!;
    let last = first + 1;
    let outcome = parseRange(text, byteToIndex, startByte, boundaries[last]!);
    const firstFailure = outcome;
    while ('message' in outcome && isIncomplete(outcome, text, byteToIndex, boundaries[last]!)) {
      if (last + 1 >= boundaries.length || last - first >= MAX_JOINED_CHUNKS) break;
      last += 1;
      outcome = parseRange(text, byteToIndex, startByte, boundaries[last]!);
    }
    if ('stmts' in outcome) {
      stmts.push(...outcome.stmts);
      first = last;
    } else {
      failures.push(firstFailure as SqlFailure);
      first += 1;
    }
  }
  return { stmts, failures };
}

function parseRange(
  text: string,
  byteToIndex: (byte: number) => number,
  startByte: number,
  endByte: number,
): { stmts: RawStmt[] } | SqlFailure {
  const chunk = text.slice(byteToIndex(startByte), byteToIndex(endByte));
  const outcome = tryParse(chunk);
  if ('message' in outcome) return { message: outcome.message, cursor: outcome.cursor + startByte, chunkStart: startByte };
  return { stmts: outcome.stmts.map((stmt) => rebase(stmt, startByte)) };
}

function isIncomplete(
  failure: SqlFailure,
  text: string,
  byteToIndex: (byte: number) => number,
  endByte: number,
): boolean {
  if (/at end of input/.test(failure.message)) return true;
  // The cursor sits on the closing semicolon itself.
  return text.slice(byteToIndex(failure.cursor), byteToIndex(endByte)).trim() === ';';
}

/** Byte offsets that cut the text after each top-level semicolon; null if the scanner fails. */
function semicolonBoundaries(text: string): number[] | null {
  const tokens = scanTokens(text);
  if (tokens === null) return null;
  const cuts = [0];
  for (const token of tokens) if (token.text === ';') cuts.push(token.end);
  const totalBytes = Buffer.byteLength(text);
  if (cuts[cuts.length - 1] !== totalBytes) cuts.push(totalBytes);
  return cuts;
}

/** What could close a quote or comment left open at the end of a file. */
const CLOSERS = ["'", '"', '*/ */ */ */'];
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/g;

/**
 * The scanner's tokens. The scanner refuses a text that ends inside an unterminated quote or
 * comment; then the tokens before it are found by closing it, so the statements before it can
 * still be cut apart (the open quote itself stays in the last chunk and fails to parse there).
 */
function scanTokens(text: string): { text: string; end: number }[] | null {
  try {
    return scanSync(text).tokens;
  } catch {
    const totalBytes = Buffer.byteLength(text);
    for (const closer of [...CLOSERS, ...new Set(text.match(DOLLAR_TAG))]) {
      try {
        const tokens = scanSync(`${text}\n${closer}`).tokens;
        if (tokens.some((token) => token.end > totalBytes)) return tokens.filter((token) => token.end <= totalBytes);
      } catch {
        // Not this closer; try the next.
      }
    }
    return null;
  }
}

function lastSemicolonBefore(text: string, index: number): number {
  const cut = text.lastIndexOf(';', index);
  return cut === -1 ? 0 : cut + 1;
}

/** Moves every byte offset in a chunk's AST to an offset into the whole file. */
function rebase<T>(value: T, base: number): T {
  if (base === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const item of value) rebase(item, base);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if ((key === 'location' || key === 'stmt_location') && typeof item === 'number') {
      if (item >= 0) record[key] = item + base;
    } else if (typeof item === 'object') rebase(item, base);
  }
  if (record.stmt !== undefined && record.stmt_location === undefined) record.stmt_location = base;
  return value;
}

function toStatement(
  raw: RawStmt,
  index: number,
  text: string,
  source: string,
  positions: SourcePositions,
): Statement {
  const startByte = raw.stmt_location ?? 0;
  const from = positions.indexOfByte(startByte);
  const to = raw.stmt_len ? positions.indexOfByte(startByte + raw.stmt_len) : endOfLastStatement(text, from);
  const start = skipTrivia(text, from, to);
  let end = to;
  while (end > start && /\s|;/.test(text[end - 1]!)) end--;
  const node = raw.stmt as Node;
  return {
    index,
    kind: Object.keys(node)[0] ?? 'Unknown',
    node,
    text: source.slice(start, end),
    start,
    end,
    ...positions.positionOf(start),
  };
}

const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT']);

/**
 * libpg-query gives the last statement of a text no length when no semicolon ends it; it ends
 * at its last token, before any comments that follow it.
 */
function endOfLastStatement(text: string, from: number): number {
  const rest = text.slice(from);
  let tokens;
  try {
    tokens = scanSync(rest).tokens;
  } catch {
    return text.length;
  }
  const last = tokens.filter((token) => !COMMENT_TOKENS.has(token.tokenName)).pop();
  if (!last) return text.length;
  return from + Buffer.from(rest).subarray(0, last.end).toString().length;
}

/** Skips white space and comments, the way the PostgreSQL scanner does. */
export function skipTrivia(text: string, from: number, to: number): number {
  let index = from;
  while (index < to) {
    const char = text[index]!;
    if (/\s/.test(char)) index++;
    else if (text.startsWith('--', index)) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? to : newline + 1;
    } else if (text.startsWith('/*', index)) {
      let depth = 1;
      index += 2;
      while (index < to && depth > 0) {
        if (text.startsWith('/*', index)) (depth++, (index += 2));
        else if (text.startsWith('*/', index)) (depth--, (index += 2));
        else index++;
      }
    } else break;
  }
  return Math.min(index, to);
}

function toProblem(failure: SqlFailure, text: string, positions: SourcePositions): ParseProblem {
  const index = Math.min(positions.indexOfByte(failure.cursor), text.length);
  const chunkStart =
    failure.chunkStart === undefined ? lastSemicolonBefore(text, Math.max(index - 1, 0)) : positions.indexOfByte(failure.chunkStart);
  const statementStart = skipTrivia(text, chunkStart, index);
  return {
    message: shortenNearText(failure.message),
    ...positions.positionOf(index),
    hint: hintFor(text.slice(statementStart, text.indexOf(';', index) === -1 ? undefined : text.indexOf(';', index))),
  };
}

/** `at or near "<the rest of the file>"`, as an unterminated quote reports it, cut to its first line. */
function shortenNearText(message: string): string {
  return message.replace(/( at or near ")([\s\S]*)"$/, (_match, prefix: string, near: string) => {
    const short = near.split(/\r?\n/)[0]!.slice(0, 40);
    return `${prefix}${short}${short === near ? '' : '…'}"`;
  });
}
