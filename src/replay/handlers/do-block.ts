/**
 * DO blocks: the static SQL inside a PL/pgSQL block (the common
 * `IF NOT EXISTS (...) THEN ALTER TABLE ... END IF` and `EXCEPTION WHEN duplicate_object`
 * patterns) is replayed; statements under a condition or an exception handler are guarded (an
 * error there means the guard skipped them). Anything dynamic keeps the block verbatim too.
 */
import type { DoStmt, Node } from 'libpg-query';
import { parsePlPgSQLSync, parseSync } from '../../parse/wasm.js';
import type { ReplayContext } from '../context.js';
import { GuardVariables, type PlPgSQLFunction } from '../guard-variables.js';
import { evaluateExpression, evaluateGuard } from '../guards.js';
import { qualifiedName } from '../model.js';
import { stringsOf } from '../sql-text.js';
import { holdsWholeSchema } from './table-elements.js';

/** What the walk does with each static SQL statement it meets, in execution order. */
type Visit = (query: string, guarded: boolean) => void;

interface Walk {
  visit: Visit;
  /** Names what could not be read statically. */
  dynamic: Set<string>;
  variables: GuardVariables;
  ctx: ReplayContext;
  /** Whether loops over pg_tables are run for the model's tables (unrollTableLoop). */
  unroll: boolean;
  /** A RETURN was reached unconditionally: nothing after it runs. */
  returned: boolean;
  /** A RETURN under a condition the model cannot tell was passed: what follows may not run. */
  mayHaveReturned: boolean;
}

/** Control statements that may skip what they hold. */
const CONDITIONAL = new Set(['PLpgSQL_stmt_if', 'PLpgSQL_stmt_case', 'PLpgSQL_stmt_loop', 'PLpgSQL_stmt_while', 'PLpgSQL_stmt_fori', 'PLpgSQL_stmt_fors', 'PLpgSQL_stmt_foreach_a']);
/** Statements that do nothing to the schema. */
const HARMLESS = new Set(['PLpgSQL_stmt_raise', 'PLpgSQL_stmt_assert', 'PLpgSQL_stmt_perform', 'PLpgSQL_stmt_exit', 'PLpgSQL_stmt_getdiag']);

interface IfStatement {
  cond?: { PLpgSQL_expr?: { query?: string } };
  then_body?: unknown[];
  elsif_list?: { PLpgSQL_if_elsif?: { cond?: { PLpgSQL_expr?: { query?: string } }; stmts?: unknown[] } }[];
  else_body?: unknown[];
}

/**
 * IF / ELSIF / ELSE whose conditions the model can evaluate (guards.ts): only the branch
 * PostgreSQL takes is walked, unguarded. From the first condition it cannot tell, the rest is
 * walked as before: every branch, guarded.
 */
function walkIf(statement: IfStatement, guarded: boolean, walk: Walk): void {
  const branches = [
    { cond: statement.cond, body: statement.then_body },
    ...(statement.elsif_list ?? []).map((branch) => ({ cond: branch.PLpgSQL_if_elsif?.cond, body: branch.PLpgSQL_if_elsif?.stmts })),
  ];
  for (const [index, branch] of branches.entries()) {
    const truth = evaluateGuard(branch.cond?.PLpgSQL_expr?.query ?? '', walk.ctx, walk.variables.values);
    if (truth === true) return collect(branch.body, guarded, walk);
    if (truth === null) {
      for (const rest of branches.slice(index)) collect(rest.body, true, walk);
      return collect(statement.else_body, true, walk);
    }
  }
  collect(statement.else_body, guarded, walk);
}

/** Walks the block, handing each static SQL statement to `walk.visit`. */
function collect(value: unknown, guarded: boolean, walk: Walk): void {
  const { visit, dynamic } = walk;
  if (value === null || typeof value !== 'object' || walk.returned) return;
  if (Array.isArray(value)) return value.forEach((item) => collect(item, guarded, walk));
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (walk.returned) return;
    guarded ||= walk.mayHaveReturned;
    if (key === 'PLpgSQL_stmt_return') {
      if (guarded) walk.mayHaveReturned = true;
      else walk.returned = true;
      continue;
    }
    if (key === 'PLpgSQL_stmt_execsql') {
      const statement = inner as { sqlstmt?: { PLpgSQL_expr?: { query?: string } }; into?: boolean; target?: unknown };
      const query = (statement.sqlstmt?.PLpgSQL_expr?.query ?? '').trim();
      if (statement.into) {
        if (!guarded) walk.variables.selectInto(statement.target, query);
        continue;
      }
      visit(query, guarded);
      continue;
    }
    if (key === 'PLpgSQL_stmt_assign') {
      const assignment = inner as { varno?: number; expr?: { PLpgSQL_expr?: { query?: string } } };
      if (!guarded) walk.variables.assign(assignment.varno, assignment.expr?.PLpgSQL_expr?.query ?? '');
      continue;
    }
    if (key === 'PLpgSQL_stmt_dynexecute') {
      const execute = inner as { query?: { PLpgSQL_expr?: { query?: string } }; params?: unknown[]; into?: boolean };
      // The string as the block builds it, when every part of it is known here (guards.ts).
      const text = execute.params?.length || execute.into ? null : evaluateExpression(execute.query?.PLpgSQL_expr?.query ?? '', walk.ctx, walk.variables.values);
      if (typeof text === 'string') visit(text, guarded);
      else dynamic.add('EXECUTE of a built string');
      continue;
    }
    if (key === 'PLpgSQL_stmt_block') {
      const block = inner as { body?: unknown; exceptions?: unknown };
      collect(block.body, guarded || Boolean(block.exceptions), walk);
      continue;
    }
    if (key === 'PLpgSQL_stmt_if') {
      walkIf(inner as IfStatement, guarded, walk);
      continue;
    }
    if (key === 'PLpgSQL_stmt_fors' && walk.unroll && unrollTableLoop(inner as TableLoop, guarded, walk)) continue;
    if (CONDITIONAL.has(key)) {
      collect(inner, true, walk);
      if (key !== 'PLpgSQL_stmt_case') dynamic.add('a loop');
      continue;
    }
    if (key.startsWith('PLpgSQL_stmt_') && !HARMLESS.has(key)) dynamic.add(key.replace('PLpgSQL_stmt_', ''));
    if (key === 'PLpgSQL_expr' || key === 'datums' || key === 'exceptions') continue;
    collect(inner, guarded, walk);
  }
}

interface TableLoop {
  var?: { PLpgSQL_row?: { fields?: { name?: string }[] }; PLpgSQL_var?: { refname?: string } };
  query?: { PLpgSQL_expr?: { query?: string } };
  body?: { PLpgSQL_stmt_dynexecute?: { query?: { PLpgSQL_expr?: { query?: string } } } }[];
}

const PG_TABLES_LOOP = /^\s*select\s+tablename\s+from\s+(?:pg_catalog\.)?pg_tables\s+where\s+schemaname\s*=\s*'([^']+)'\s*$/i;

/**
 * `FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP EXECUTE
 * format('REVOKE ALL ON public.%I FROM anon', t); END LOOP`: run once for each table the model
 * holds in that schema at this point, when the model holds all of them (no statement it could
 * not interpret made a table, and the schema is not a platform's). Returns false when the loop
 * is not of that shape, and the walk goes on as for any loop.
 */
function unrollTableLoop(loop: TableLoop, guarded: boolean, walk: Walk): boolean {
  const schema = PG_TABLES_LOOP.exec(loop.query?.PLpgSQL_expr?.query ?? '')?.[1];
  const variable = loop.var?.PLpgSQL_row?.fields?.length === 1 ? loop.var.PLpgSQL_row.fields[0]!.name : loop.var?.PLpgSQL_var?.refname;
  if (!schema || !variable || !holdsWholeSchema(walk.ctx, qualifiedName(schema, '*'))) return false;
  if (walk.ctx.schema.uninterpreted.some((statement) => /\bcreate\s+(?:unlogged\s+)?table\b/i.test(statement.text))) return false;
  const templates: string[] = [];
  for (const statement of loop.body ?? []) {
    const query = statement.PLpgSQL_stmt_dynexecute?.query?.PLpgSQL_expr?.query ?? '';
    const call = /^format\(\s*'((?:[^'%]|'')*)%([Is])((?:[^'%]|'')*)'\s*,\s*([a-z_][a-z0-9_]*)\s*\)$/is.exec(query.trim());
    if (!call || call[4]!.toLowerCase() !== variable || Object.keys(statement).length !== 1) return false;
    templates.push(`${call[1]}\u0000${call[2]}\u0000${call[3]}`);
  }
  const tables = [...walk.ctx.schema.tables.values()].filter((table) => table.schema === schema && !table.foreign && !table.temporary);
  for (const table of tables) {
    for (const template of templates) {
      const [before, placeholder, after] = template.split('\u0000') as [string, string, string];
      const name = placeholder === 'I' ? `"${table.name.replace(/"/g, '""')}"` : table.name;
      walk.visit(`${before}${name}${after}`.replace(/''/g, "'"), guarded);
    }
  }
  return true;
}

/** The queries of the loops at the top of the block: PostgreSQL evaluates them whatever happens. */
function unconditionalLoopQueries(action: unknown): string[] {
  const block = (action as { PLpgSQL_stmt_block?: { body?: unknown[]; exceptions?: unknown } } | undefined)?.PLpgSQL_stmt_block;
  if (!block || block.exceptions) return [];
  return (block.body ?? []).flatMap((item) => {
    const loop = (item as { PLpgSQL_stmt_fors?: { query?: { PLpgSQL_expr?: { query?: string } } } }).PLpgSQL_stmt_fors;
    return loop?.query?.PLpgSQL_expr?.query ? [loop.query.PLpgSQL_expr.query] : [];
  });
}

/**
 * A `'name'::regclass` in such a query naming a relation missing at this point although the
 * chain creates it (later): PostgreSQL fails the whole block there. Returns that relation.
 */
function missingRegclass(queries: string[], ctx: ReplayContext): string | null {
  let missing: string | null = null;
  const visit = (value: unknown): void => {
    if (missing !== null || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    const cast = record.TypeCast as { arg?: { A_Const?: { sval?: { sval?: string } } }; typeName?: { names?: Node[] } } | undefined;
    const name = cast?.arg?.A_Const?.sval?.sval;
    if (name && stringsOf(cast.typeName?.names).pop() === 'regclass') {
      const [schemaName, relname] = name.includes('.') ? (name.split('.', 2) as [string, string]) : [undefined, name];
      const exists = ctx.lookupSchemas(schemaName).some((schema) => ctx.relationExists(qualifiedName(schema, relname)));
      const key = ctx.keyForCreate(schemaName, relname);
      if (!exists && holdsWholeSchema(ctx, key) && ctx.chainCreates.has(relname)) missing = key;
    }
    Object.values(record).forEach(visit);
  };
  for (const query of queries) {
    try {
      visit(parseSync(query).stmts);
    } catch {
      continue;
    }
  }
  return missing;
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
  const functions = (tree as { plpgsql_funcs?: { PLpgSQL_function?: PlPgSQLFunction }[] }).plpgsql_funcs?.flatMap((fn) => (fn.PLpgSQL_function ? [fn.PLpgSQL_function] : [])) ?? [];
  const actions = functions.map((fn) => fn.action);
  const missing = missingRegclass(actions.flatMap(unconditionalLoopQueries), ctx);
  if (missing) {
    ctx.emit({ action: 'error', objectType: 'table', name: missing, reason: { code: 'whole-statement', cause: { code: 'missing', kind: 'relation', name: missing }, consequence: 'the DO block fails as a whole' } });
    return;
  }
  const dynamic = new Set<string>();
  let replayed = 0;
  // Each statement is replayed as soon as it is met, so that a later guard sees what an earlier statement did.
  const visit: Visit = (query, guarded) => {
    let nodes: Node[];
    try {
      nodes = (parseSync(query).stmts ?? []).flatMap((raw) => (raw.stmt ? [raw.stmt] : []));
    } catch {
      dynamic.add('SQL that uses PL/pgSQL variables');
      return;
    }
    for (const node of nodes) {
      const saved = ctx.guarded;
      // After SQL the model could not read, a statement may fail or succeed because of it: not a certain rejection.
      ctx.guarded = saved || guarded || dynamic.size > 0;
      ctx.nested!(node, query, ctx);
      ctx.guarded = saved;
      replayed++;
    }
  };
  // Loops over pg_tables are run only in a block that holds nothing else dynamic: a block kept
  // as written (for what the model cannot read) must not have run part of itself already.
  const unroll = functions.every((fn) => {
    const variables = new GuardVariables(fn, ctx);
    variables.declare();
    const found = new Set<string>();
    collect(fn.action, false, { visit: () => undefined, dynamic: found, variables, ctx, unroll: true, returned: false, mayHaveReturned: false });
    return found.size === 0;
  });
  for (const fn of functions) {
    const variables = new GuardVariables(fn, ctx);
    variables.declare();
    collect(fn.action, false, { visit, dynamic, variables, ctx, unroll, returned: false, mayHaveReturned: false });
  }
  if (dynamic.size > 0) {
    ctx.keepUninterpreted(`${replayed ? `replayed ${replayed} static statement(s); ` : ''}holds ${[...dynamic].join(', ')}`);
  } else {
    ctx.emit({ action: 'alter', objectType: 'other', name: '', message: `DO block: replayed ${replayed} static statement(s)` });
  }
}
