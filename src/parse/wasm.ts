/**
 * libpg-query's WASM module, called directly: the one parser instance of the process.
 *
 * The package's wrapper hands back only the decoded tree. miglint also keeps the tree's JSON
 * text as the parser wrote it, to store in the parse cache unchanged: encoding every decoded
 * tree again (JSON.stringify) was a tenth of a cold run. The calls mirror libpg-query's
 * `parseSync`, `scanSync` and `parsePlPgSQLSync`, with the same errors.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { ParseResult, ScanResult } from 'libpg-query';

interface PgQueryModule {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_parse_plpgsql(query: number): number;
  _wasm_scan(query: number): number;
  _wasm_free_string(pointer: number): void;
  getValue(pointer: number, type: 'i32'): number;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, bytes: number): void;
  UTF8ToString(pointer: number): string;
}

/** A syntax error, shaped like libpg-query's SqlError. */
export class SqlSyntaxError extends Error {
  /** `cursorPosition` counts characters (code points) from 0, unlike the tree's byte offsets. */
  constructor(
    message: string,
    readonly sqlDetails: { cursorPosition: number },
  ) {
    super(message);
  }
}

let wasm: PgQueryModule | null = null;
let loading: Promise<void> | null = null;

export interface LoadParserOptions {
  /**
   * Compile the parser with V8's baseline WASM compiler only. By default V8 also recompiles hot
   * functions with its optimizing compiler, which costs libpg-query 0.2-0.3 s of CPU and pays
   * back only after more than about 10 MB of SQL: on the 4.5 MB bench folder the first parse of
   * every file took 0.68-0.81 s of CPU with it and 0.46-0.49 s without, each later pass
   * 0.31-0.40 s against 0.42-0.55 s. V8's switch is process-wide and holds for every WASM module
   * compiled after it: PGlite on baseline code alone took 28% more CPU to verify 1,000 files. Ask
   * only in a process that runs no other WASM.
   */
  baselineCompilerOnly?: boolean;
}

/** Loads the WASM parser once per process (the first call's options hold); every parse call after it is synchronous. */
export function loadParser(options: LoadParserOptions = {}): Promise<void> {
  loading ??= (async () => {
    if (options.baselineCompilerOnly) setFlagsFromString('--liftoff-only');
    const require = createRequire(import.meta.url);
    const factory = require('libpg-query/wasm/libpg-query.js') as () => Promise<PgQueryModule>;
    wasm = await factory();
  })();
  return loading;
}

function loaded(): PgQueryModule {
  if (!wasm) throw new Error('the SQL parser is not loaded: call loadParser() first');
  return wasm;
}

/** The parse tree of `query` as the parser's JSON text. Throws SqlSyntaxError on a syntax error. */
export function parseToJson(query: string): string {
  const module = loaded();
  return withQuery(module, query, (queryPointer) => {
    const result = module._wasm_parse_query_raw(queryPointer);
    if (!result) throw new Error('the SQL parser ran out of memory');
    try {
      const tree = module.getValue(result, 'i32');
      const error = module.getValue(result + 8, 'i32');
      if (error) {
        const message = module.getValue(error, 'i32');
        const cursor = module.getValue(error + 16, 'i32');
        throw new SqlSyntaxError(message ? module.UTF8ToString(message) : 'syntax error', { cursorPosition: cursor > 0 ? cursor - 1 : 0 });
      }
      if (!tree) throw new Error('the SQL parser returned no tree');
      return module.UTF8ToString(tree);
    } finally {
      module._wasm_free_parse_result(result);
    }
  });
}

export function parseSync(query: string): ParseResult {
  return JSON.parse(parseToJson(query)) as ParseResult;
}

export function scanSync(query: string): ScanResult {
  return JSON.parse(stringResult((module, pointer) => module._wasm_scan(pointer), query)) as ScanResult;
}

export function parsePlPgSQLSync(query: string): ParseResult {
  return JSON.parse(stringResult((module, pointer) => module._wasm_parse_plpgsql(pointer), query)) as ParseResult;
}

/** Calls a function of the module that answers with JSON, or with an error message in its place. */
function stringResult(call: (module: PgQueryModule, queryPointer: number) => number, query: string): string {
  const module = loaded();
  return withQuery(module, query, (queryPointer) => {
    const result = call(module, queryPointer);
    try {
      const text = module.UTF8ToString(result);
      if (!text.startsWith('{')) throw new Error(text);
      return text;
    } finally {
      if (result) module._wasm_free_string(result);
    }
  });
}

function withQuery<T>(module: PgQueryModule, query: string, use: (queryPointer: number) => T): T {
  if (query === '') throw new Error('Query cannot be empty');
  const bytes = module.lengthBytesUTF8(query) + 1;
  const pointer = module._malloc(bytes);
  try {
    module.stringToUTF8(query, pointer, bytes);
    return use(pointer);
  } finally {
    module._free(pointer);
  }
}
