/**
 * Static evaluation of the conditions DO blocks guard their DDL with, against the model at
 * that point: `NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND
 * column_name = 'c')`, `... FROM pg_constraint WHERE conname = '...'`, `pg_policies`,
 * `pg_type`, `to_regclass('t') IS NULL`, and NOT / AND / OR of those. Anything else, or a
 * question about a schema the model does not hold whole (a platform's), is unknown: null.
 */
import { parseSync, type Node, type SelectStmt } from 'libpg-query';
import type { ReplayContext } from './context.js';
import { qualifiedName } from './model.js';
import { isPlatformRelation } from '../presets.js';
import { stringsOf } from './sql-text.js';

type Truth = boolean | null;

/** Evaluates a PL/pgSQL condition; null when the model cannot tell. */
export function evaluateGuard(condition: string, ctx: ReplayContext): Truth {
  let target: Node | undefined;
  try {
    const select = parseSync(`SELECT ${condition}`).stmts?.[0]?.stmt;
    const list = select && 'SelectStmt' in select ? select.SelectStmt.targetList : undefined;
    const first = list?.[0];
    if (list?.length !== 1 || !first || !('ResTarget' in first)) return null;
    target = first.ResTarget.val;
  } catch {
    return null;
  }
  return target ? evaluate(target, ctx) : null;
}

function evaluate(node: Node, ctx: ReplayContext): Truth {
  if ('BoolExpr' in node) {
    const args = (node.BoolExpr.args ?? []).map((arg) => evaluate(arg, ctx));
    switch (node.BoolExpr.boolop) {
      case 'NOT_EXPR':
        return args[0] === null || args[0] === undefined ? null : !args[0];
      case 'AND_EXPR':
        return args.includes(false) ? false : args.includes(null) ? null : true;
      case 'OR_EXPR':
        return args.includes(true) ? true : args.includes(null) ? null : false;
      default:
        return null;
    }
  }
  if ('SubLink' in node) {
    const select = node.SubLink.subselect && 'SelectStmt' in node.SubLink.subselect ? node.SubLink.subselect.SelectStmt : null;
    if (!select) return null;
    if (node.SubLink.subLinkType === 'EXISTS_SUBLINK') return catalogRowExists(select, ctx);
    // `(SELECT to_regclass('t') IS NOT NULL)`: a one-value query without FROM.
    const only = select.targetList?.length === 1 && !select.fromClause?.length ? select.targetList[0] : undefined;
    return node.SubLink.subLinkType === 'EXPR_SUBLINK' && only && 'ResTarget' in only && only.ResTarget.val ? evaluate(only.ResTarget.val, ctx) : null;
  }
  if ('NullTest' in node) {
    const exists = regclassExists(node.NullTest.arg, ctx);
    if (exists === null) return null;
    return node.NullTest.nulltesttype === 'IS_NULL' ? !exists : exists;
  }
  return null;
}

/** `to_regclass('name')`, possibly wrapped in `(SELECT ...)`: whether the relation exists. */
function regclassExists(node: Node | undefined, ctx: ReplayContext): Truth {
  if (!node) return null;
  if ('SubLink' in node && node.SubLink.subLinkType === 'EXPR_SUBLINK') {
    const select = node.SubLink.subselect && 'SelectStmt' in node.SubLink.subselect ? node.SubLink.subselect.SelectStmt : null;
    const only = select?.targetList?.length === 1 && !select.fromClause?.length ? select.targetList[0] : undefined;
    return only && 'ResTarget' in only ? regclassExists(only.ResTarget.val, ctx) : null;
  }
  if (!('FuncCall' in node)) return null;
  const name = stringsOf(node.FuncCall.funcname).join('.');
  const [argument] = node.FuncCall.args ?? [];
  if ((name !== 'to_regclass' && name !== 'pg_catalog.to_regclass') || node.FuncCall.args?.length !== 1 || !argument) return null;
  const text = literal(argument);
  if (text === null) return null;
  const parts = /^(?:([a-z_][a-z0-9_$]*)\.)?([a-z_][a-z0-9_$]*)$/.exec(text.toLowerCase() === text ? text : '');
  // A name that is not a plain (lower-case) identifier: PostgreSQL finds no such relation.
  if (!parts) return /^[a-z_][a-z0-9_$.]*$/i.test(text) ? null : false;
  return relationKnown(ctx, parts[1], parts[2]!);
}

function literal(node: Node | undefined): string | null {
  if (!node) return null;
  if ('A_Const' in node) return node.A_Const.sval?.sval ?? null;
  if ('TypeCast' in node) return literal(node.TypeCast.arg);
  return null;
}

/** Whether a relation exists; null when it would be in a schema the model does not hold whole. */
function relationKnown(ctx: ReplayContext, schemaName: string | undefined, name: string): Truth {
  const schemas = ctx.lookupSchemas(schemaName);
  if (schemas.some((schema) => ctx.relationExists(qualifiedName(schema, name)))) return true;
  return schemas.every((schema) => heldWhole(ctx, schema)) ? false : null;
}

function heldWhole(ctx: ReplayContext, schema: string): boolean {
  return ctx.schema.schemas.has(schema) && !isPlatformRelation('supabase', qualifiedName(schema, 'x'));
}

/** `col = 'value'` conditions of a WHERE made only of those joined by AND; null for anything else. */
function equalities(where: Node | undefined): Map<string, string> | null {
  const found = new Map<string, string>();
  const visit = (node: Node | undefined): boolean => {
    if (!node) return false;
    if ('BoolExpr' in node && node.BoolExpr.boolop === 'AND_EXPR') return (node.BoolExpr.args ?? []).every(visit);
    if (!('A_Expr' in node) || node.A_Expr.kind !== 'AEXPR_OP' || stringsOf(node.A_Expr.name).join() !== '=') return false;
    const column = node.A_Expr.lexpr && 'ColumnRef' in node.A_Expr.lexpr ? stringsOf(node.A_Expr.lexpr.ColumnRef.fields).pop() : undefined;
    const value = literal(node.A_Expr.rexpr);
    if (!column || value === null) return false;
    found.set(column, value);
    return true;
  };
  return visit(where) ? found : null;
}

/** EXISTS (SELECT ... FROM <catalog> WHERE col = 'v' AND ...): whether the model has such a row. */
function catalogRowExists(select: SelectStmt, ctx: ReplayContext): Truth {
  const from = select.fromClause?.length === 1 ? select.fromClause[0] : undefined;
  if (!from || !('RangeVar' in from) || !select.whereClause) return null;
  const where = equalities(select.whereClause);
  if (!where) return null;
  const catalog = `${from.RangeVar.schemaname ? `${from.RangeVar.schemaname}.` : ''}${from.RangeVar.relname ?? ''}`;
  const schemaName = where.get('table_schema') ?? where.get('schemaname');
  const known = (keys: string[]) => (where.size === keys.length && keys.every((key) => where.has(key)) ? true : false);
  if (schemaName !== undefined && !heldWhole(ctx, schemaName)) return null;
  const tables = (name: string) =>
    [...ctx.schema.tables.values()].filter((table) => table.name === name && (schemaName === undefined || table.schema === schemaName));
  const answer = (found: boolean): Truth => (found ? true : schemaName === undefined && [...ctx.schema.schemas.keys()].some((schema) => !heldWhole(ctx, schema)) ? null : false);
  switch (catalog) {
    case 'information_schema.columns': {
      const table = where.get('table_name');
      const column = where.get('column_name');
      if (!table || !column || !known(schemaName === undefined ? ['table_name', 'column_name'] : ['table_name', 'column_name', 'table_schema'])) return null;
      return answer(tables(table).some((candidate) => candidate.columns.some((item) => item.name === column)));
    }
    case 'information_schema.tables': {
      const table = where.get('table_name');
      if (!table || !known(schemaName === undefined ? ['table_name'] : ['table_name', 'table_schema'])) return null;
      const views = [...ctx.schema.views.values()].some((view) => view.name === table && (schemaName === undefined || view.schema === schemaName));
      return answer(tables(table).length > 0 || views);
    }
    case 'pg_constraint':
    case 'pg_catalog.pg_constraint': {
      const name = where.get('conname');
      if (!name || !known(['conname'])) return null;
      const types = [...ctx.schema.types.values()].some((type) => type.checks.some((check) => check.name === name));
      return answer(types || [...ctx.schema.tables.values()].some((table) => table.constraints.some((constraint) => constraint.name === name)));
    }
    case 'pg_policies':
    case 'pg_catalog.pg_policies': {
      const name = where.get('policyname');
      const table = where.get('tablename');
      if (!name || !table || !known(schemaName === undefined ? ['policyname', 'tablename'] : ['policyname', 'tablename', 'schemaname'])) return null;
      return answer(tables(table).some((candidate) => candidate.policies.some((policy) => policy.name === name)));
    }
    case 'pg_type':
    case 'pg_catalog.pg_type': {
      const name = where.get('typname');
      if (!name || !known(['typname'])) return null;
      // Every table and view has a row type of its own name.
      const found =
        [...ctx.schema.types.values()].some((type) => type.name === name) ||
        [...ctx.schema.tables.values()].some((table) => table.name === name) ||
        [...ctx.schema.views.values()].some((view) => view.name === name);
      // Not found: a built-in or an extension's type may still have the name.
      return found ? true : ctx.schema.extensions.size > 0 ? null : answer(false);
    }
    default:
      return null;
  }
}
