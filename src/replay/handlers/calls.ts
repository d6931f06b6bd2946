/**
 * SELECT is a query, and CALL runs a procedure (a backfill, usually), except when either calls a
 * function or procedure of the chain that changes the schema as it runs: hatchet's `SELECT create_v1_range_partition('v1_task', NOW()::DATE)` creates and attaches
 * a partition whose name is built from the date, by EXECUTE. What such a call makes is known
 * only when it runs, so the model keeps the statement as written, to run again in the baseline.
 */
import type { CallStmt, SelectStmt } from 'libpg-query';
import { visitNodes } from '../../ast.js';
import type { ReplayContext } from '../context.js';
import { functionKey, qualifiedName, type FunctionObject } from '../model.js';
import { stringsOf } from '../sql-text.js';

/** A statement that creates, changes or drops a schema object, written in a body or in a string it EXECUTEs. */
const DDL = /\b(create|alter|drop)\s+(or\s+replace\s+)?((unique|temp|temporary|unlogged|materialized)\s+)?(table|index|view|sequence|type|schema|function|procedure|trigger|policy|domain)\b/i;

export function callingStatement(statement: SelectStmt | CallStmt, ctx: ReplayContext): void {
  if (ctx.isNested()) return ctx.session();
  // The functions met on the way to the DDL (the one called, those it calls) are the ones the call ran.
  const involved = new Set<FunctionObject>();
  const called = [
    ...new Set(
      calledFunctions(statement).flatMap((name) =>
        functionsNamed(name, ctx).filter((fn) => {
          const seen = new Set<FunctionObject>();
          const changes = changesSchema(fn, ctx, seen);
          if (changes) seen.forEach((met) => involved.add(met));
          return changes;
        }),
      ),
    ),
  ];
  const functions = [...new Set(called.map((fn) => qualifiedName(fn.schema, fn.name)))];
  if (functions.length === 0) return ctx.session();
  ctx.keepUninterpreted(`calls ${functions.join(', ')}, which change${functions.length === 1 ? 's' : ''} the schema when run`);
  const kept = ctx.schema.uninterpreted[ctx.schema.uninterpreted.length - 1];
  const definitions = [...involved].map((fn) => ({ key: functionKey(fn.schema, fn.name, fn.signatureTypes), sql: fn.sql }));
  if (kept) kept.call = { functions, definitions, tables: namedTables(statement, ctx) };
}

/** The names (as written, schema first when given) of every function the statement calls. */
function calledFunctions(statement: SelectStmt | CallStmt): string[][] {
  // CALL's own procedure sits in a `funccall` field, not under a FuncCall key as nested calls do.
  const found: string[][] = 'funccall' in statement && statement.funccall ? [stringsOf(statement.funccall.funcname)] : [];
  visitNodes(statement, 'FuncCall', (call) => void found.push(stringsOf(call.funcname)));
  return found;
}

/** The chain's functions of that name, looked up as PostgreSQL would (any overload). */
function functionsNamed(name: string[], ctx: ReplayContext): FunctionObject[] {
  const bare = name[name.length - 1] ?? '';
  const schemas = ctx.lookupSchemas(name.length > 1 ? name[name.length - 2] : undefined);
  return [...ctx.schema.functions.values()].filter((fn) => fn.name === bare && schemas.includes(fn.schema));
}

/** Whether the function runs DDL, itself or through another function of the chain it calls. */
function changesSchema(fn: FunctionObject, ctx: ReplayContext, seen: Set<FunctionObject>): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  if (DDL.test(fn.body)) return true;
  return [...ctx.schema.functions.values()].some(
    (other) => other !== fn && new RegExp(`\\b${other.name.replace(/\$/g, '\\$')}\\s*\\(`, 'i').test(fn.body) && changesSchema(other, ctx, seen),
  );
}

/** Keys of the tables that string arguments of the statement name (`'v1_task'`, `'app.jobs'::text`). */
function namedTables(statement: SelectStmt | CallStmt, ctx: ReplayContext): string[] {
  const keys = new Set<string>();
  visitNodes(statement, 'A_Const', (constant) => {
    const text = constant.sval?.sval;
    if (!text) return;
    const parts = text.split('.');
    const table = parts.length <= 2 ? ctx.findTable(parts.length === 2 ? parts[0] : undefined, parts[parts.length - 1]!) : null;
    if (table) keys.add(qualifiedName(table.schema, table.name));
  });
  return [...keys];
}
