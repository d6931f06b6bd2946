/**
 * DO blocks: the static SQL inside a PL/pgSQL block (the common
 * `IF NOT EXISTS (...) THEN ALTER TABLE ... END IF` and `EXCEPTION WHEN duplicate_object`
 * patterns) is replayed; statements under a condition or an exception handler are guarded (an
 * error there means the guard skipped them). Anything dynamic keeps the block verbatim too.
 */
import { parsePlPgSQLSync, parseSync, type Node } from 'libpg-query';
import type { DoStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';

interface Found {
  query: string;
  guarded: boolean;
}

/** Control statements that may skip what they hold. */
const CONDITIONAL = new Set(['PLpgSQL_stmt_if', 'PLpgSQL_stmt_case', 'PLpgSQL_stmt_loop', 'PLpgSQL_stmt_while', 'PLpgSQL_stmt_fori', 'PLpgSQL_stmt_fors', 'PLpgSQL_stmt_foreach_a']);
/** Statements that do nothing to the schema. */
const HARMLESS = new Set(['PLpgSQL_stmt_raise', 'PLpgSQL_stmt_return', 'PLpgSQL_stmt_assert', 'PLpgSQL_stmt_perform', 'PLpgSQL_stmt_exit', 'PLpgSQL_stmt_assign', 'PLpgSQL_stmt_getdiag']);

/** Static SQL statements in execution order; `dynamic` names what could not be read statically. */
function collect(value: unknown, guarded: boolean, found: Found[], dynamic: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((item) => collect(item, guarded, found, dynamic));
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'PLpgSQL_stmt_execsql') {
      const query = ((inner as { sqlstmt?: { PLpgSQL_expr?: { query?: string } } }).sqlstmt?.PLpgSQL_expr?.query ?? '').trim();
      const into = (inner as { into?: boolean }).into;
      if (into) continue;
      found.push({ query, guarded });
      continue;
    }
    if (key === 'PLpgSQL_stmt_dynexecute') {
      const query = ((inner as { query?: { PLpgSQL_expr?: { query?: string } } }).query?.PLpgSQL_expr?.query ?? '').trim();
      const literal = /^'((?:[^']|'')*)'$/s.exec(query);
      if (literal) found.push({ query: literal[1]!.replace(/''/g, "'"), guarded });
      else dynamic.add('EXECUTE of a built string');
      continue;
    }
    if (key === 'PLpgSQL_stmt_block') {
      const block = inner as { body?: unknown; exceptions?: unknown };
      collect(block.body, guarded || Boolean(block.exceptions), found, dynamic);
      continue;
    }
    if (CONDITIONAL.has(key)) {
      collect(inner, true, found, dynamic);
      if (key !== 'PLpgSQL_stmt_if' && key !== 'PLpgSQL_stmt_case') dynamic.add('a loop');
      continue;
    }
    if (key.startsWith('PLpgSQL_stmt_') && !HARMLESS.has(key)) dynamic.add(key.replace('PLpgSQL_stmt_', ''));
    if (key === 'PLpgSQL_expr' || key === 'datums' || key === 'exceptions') continue;
    collect(inner, guarded, found, dynamic);
  }
}

export function doBlock(statement: DoStmt, ctx: ReplayContext): void {
  const language = (statement.args ?? []).find((node) => 'DefElem' in node && node.DefElem.defname === 'language');
  const languageName = language && 'DefElem' in language && language.DefElem.arg && 'String' in language.DefElem.arg ? language.DefElem.arg.String.sval : 'plpgsql';
  if (languageName !== 'plpgsql' || !ctx.nested) return ctx.keepUninterpreted(`a DO block in ${languageName}`);
  let tree: unknown;
  try {
    tree = parsePlPgSQLSync(ctx.statement.text);
  } catch (error) {
    return ctx.keepUninterpreted(`its PL/pgSQL does not parse: ${(error as Error).message}`);
  }
  const found: Found[] = [];
  const dynamic = new Set<string>();
  collect((tree as { plpgsql_funcs?: { PLpgSQL_function?: { action?: unknown } }[] }).plpgsql_funcs?.map((fn) => fn.PLpgSQL_function?.action), false, found, dynamic);
  const replayable: { node: Node; text: string; guarded: boolean }[] = [];
  for (const { query, guarded } of found) {
    try {
      for (const raw of parseSync(query).stmts ?? []) if (raw.stmt) replayable.push({ node: raw.stmt, text: query, guarded });
    } catch {
      dynamic.add('SQL that uses PL/pgSQL variables');
    }
  }
  for (const { node, text, guarded } of replayable) {
    const saved = ctx.guarded;
    ctx.guarded = saved || guarded;
    ctx.nested(node, text, ctx);
    ctx.guarded = saved;
  }
  if (dynamic.size > 0) {
    ctx.keepUninterpreted(`${replayable.length ? `replayed ${replayable.length} static statement(s); ` : ''}holds ${[...dynamic].join(', ')}`);
  } else {
    ctx.emit({ action: 'alter', objectType: 'other', name: '', message: `DO block: replayed ${replayable.length} static statement(s)` });
  }
}
