/**
 * Static evaluation of the conditions DO blocks guard their DDL with, against the model at
 * that point: `NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND
 * column_name = 'c')`, `... FROM pg_constraint WHERE conname = '...'`, `pg_policies`,
 * `pg_type`, `pg_extension`, `to_regclass('t') IS NULL`, `(SELECT count(*) FROM ...) > 0`,
 * PL/pgSQL variables holding such a value, and NOT / AND / OR of those. Anything else, or a
 * question about a schema the model does not hold whole (a platform's), is unknown: null.
 *
 * Text too, for the statements a block builds and EXECUTEs: literals, `||`, concat(),
 * format() with %s/%I/%L, quote_ident(), casts, and `COALESCE(current_setting('app.x', true),
 * 'default')`, where a custom setting is taken as unset (its default wins, as on a database
 * that never set it) and the model records that it did so.
 */
import type { Node, SelectStmt } from 'libpg-query';
import { QuoteUtils } from 'pgsql-deparser';
import { parseSync } from '../parse/wasm.js';
import type { ReplayContext } from './context.js';
import { constraintNameMayExist } from './constraint-names-used.js';
import { qualifiedName, type ConstraintKind, type SchemaModel, type Table } from './model.js';
import { notNullName } from './not-null.js';
import { isPlatformRelation, platformObjects } from '../presets.js';
import { stringsOf } from './sql-text.js';

type Truth = boolean | null;
/** SQL's NULL, as a value the model knows: what `SELECT ... INTO` gives when no row matches. */
export const SQL_NULL = Symbol('SQL NULL');
/** What an expression evaluates to: a truth value, a number (a count), text, SQL's NULL, or null when the model cannot tell. */
export type Value = boolean | number | string | typeof SQL_NULL | null;
/** PL/pgSQL variables whose value is known at this point, by name. */
export type Variables = ReadonlyMap<string, Exclude<Value, null>>;

interface Scope {
  variables: Variables;
  /** Inside `SELECT count(*) ... FROM <catalog>`: how many rows the catalog query matches. */
  rows?: number | null;
  /** Inside `SELECT <expression> FROM <catalog>` matching one row: that row's columns. */
  row?: Readonly<Record<string, string>>;
}

/** Evaluates a PL/pgSQL condition; null when the model cannot tell. */
export function evaluateGuard(condition: string, ctx: ReplayContext, variables: Variables = new Map()): Truth {
  const value = evaluateExpression(condition, ctx, variables);
  return typeof value === 'boolean' ? value : null;
}

/** Evaluates a PL/pgSQL expression (a condition, or the right-hand side of an assignment). */
export function evaluateExpression(expression: string, ctx: ReplayContext, variables: Variables): Value {
  const select = parseSelect(`SELECT ${expression}`);
  return select && !select.fromClause?.length ? evaluateSelect(select, ctx, { variables }) : null;
}

/** Evaluates a one-column query (`SELECT count(*) FROM pg_extension WHERE ...`, `SELECT EXISTS (...)`). */
export function evaluateQuery(query: string, ctx: ReplayContext, variables: Variables): Value {
  const select = parseSelect(query);
  return select ? evaluateSelect(select, ctx, { variables }) : null;
}

function parseSelect(sql: string): SelectStmt | null {
  try {
    const statements = parseSync(sql).stmts ?? [];
    const node = statements.length === 1 ? statements[0]?.stmt : undefined;
    return node && 'SelectStmt' in node ? node.SelectStmt : null;
  } catch {
    return null;
  }
}

/**
 * A query returning one value: without FROM, its expression; with FROM a catalog, only an
 * aggregate over the matching rows (`count(*)`, `count(*) = 1`), which always yields one row.
 */
function evaluateSelect(select: SelectStmt, ctx: ReplayContext, scope: Scope): Value {
  const only = select.targetList?.length === 1 ? select.targetList[0] : undefined;
  const target = only && 'ResTarget' in only ? only.ResTarget.val : undefined;
  if (!target || select.groupClause?.length || select.havingClause || select.limitCount || select.op !== 'SETOP_NONE') return null;
  if (!select.fromClause?.length) return select.whereClause ? null : evaluate(target, ctx, scope);
  if (!countsRows(target)) return evaluateOverRow(select, target, ctx, scope);
  return evaluate(target, ctx, { ...scope, rows: catalogRowCount(select, ctx) });
}

/**
 * `SELECT <expression> FROM <catalog> WHERE ...` as `SELECT ... INTO` runs it: no row gives
 * NULL, one row the expression over that row; several rows (whose order is not defined) or a
 * catalog the model cannot list is unknown.
 */
function evaluateOverRow(select: SelectStmt, target: Node, ctx: ReplayContext, scope: Scope): Value {
  const rows = catalogRows(select, ctx);
  if (rows === null || rows.length > 1) return null;
  return rows.length === 0 ? SQL_NULL : evaluate(target, ctx, { ...scope, row: rows[0] });
}

function isCountStar(node: Node): boolean {
  return 'FuncCall' in node && Boolean(node.FuncCall.agg_star) && stringsOf(node.FuncCall.funcname).join('.').replace(/^pg_catalog\./, '') === 'count';
}

/** Whether a target is `count(*)` or a comparison of it with a constant. */
function countsRows(node: Node): boolean {
  if (isCountStar(node)) return true;
  return 'A_Expr' in node && [node.A_Expr.lexpr, node.A_Expr.rexpr].some((side) => side !== undefined && isCountStar(side));
}

const COMPARISONS: Record<string, (left: number, right: number) => boolean> = {
  '=': (left, right) => left === right,
  '<>': (left, right) => left !== right,
  '!=': (left, right) => left !== right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
};

function compare(operator: string, left: Value, right: Value): Value {
  if (operator === '||') return concatenated([left, right]);
  if (left === SQL_NULL || right === SQL_NULL) return null;
  if (left === null || right === null || typeof left !== typeof right) return null;
  // Text orders by collation: only equality is certain.
  if (typeof left === 'boolean' || typeof left === 'string') return operator === '=' ? left === right : operator === '<>' || operator === '!=' ? left !== right : null;
  const test = COMPARISONS[operator];
  return test ? test(left, right as number) : null;
}

function evaluate(node: Node, ctx: ReplayContext, scope: Scope): Value {
  if ('BoolExpr' in node) {
    const args = (node.BoolExpr.args ?? []).map((arg) => {
      const value = evaluate(arg, ctx, scope);
      return typeof value === 'boolean' ? value : null;
    });
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
    // `(SELECT to_regclass('t') IS NOT NULL)`, `(SELECT count(*) FROM pg_extension WHERE ...)`.
    return node.SubLink.subLinkType === 'EXPR_SUBLINK' ? evaluateSelect(select, ctx, { variables: scope.variables }) : null;
  }
  if ('NullTest' in node) {
    const value = node.NullTest.arg ? evaluate(node.NullTest.arg, ctx, scope) : null;
    if (value !== null) return (value === SQL_NULL) === (node.NullTest.nulltesttype === 'IS_NULL');
    const exists = regclassExists(node.NullTest.arg, ctx);
    if (exists === null) return null;
    return node.NullTest.nulltesttype === 'IS_NULL' ? !exists : exists;
  }
  if ('A_Expr' in node && node.A_Expr.kind === 'AEXPR_OP' && node.A_Expr.lexpr && node.A_Expr.rexpr) {
    return compare(stringsOf(node.A_Expr.name).join(), evaluate(node.A_Expr.lexpr, ctx, scope), evaluate(node.A_Expr.rexpr, ctx, scope));
  }
  if ('A_Const' in node) {
    if (node.A_Const.ival) return node.A_Const.ival.ival ?? 0;
    if (node.A_Const.boolval) return node.A_Const.boolval.boolval ?? false;
    if (node.A_Const.sval) return node.A_Const.sval.sval ?? '';
    return null;
  }
  if ('CoalesceExpr' in node) return coalesced(node.CoalesceExpr.args ?? [], ctx, scope);
  if ('TypeCast' in node) return node.TypeCast.arg ? cast(evaluate(node.TypeCast.arg, ctx, scope), stringsOf(node.TypeCast.typeName?.names).pop() ?? '') : null;
  if ('ColumnRef' in node) {
    const fields = node.ColumnRef.fields ?? [];
    const name = fields.length === 1 ? stringsOf(fields)[0] : undefined;
    if (name === undefined) return null;
    return scope.row?.[name] ?? scope.variables.get(name) ?? null;
  }
  if (isCountStar(node)) return scope.rows ?? null;
  if ('FuncCall' in node) return textFunction(node, ctx, scope);
  return null;
}

/** `a || b`: NULL when either is. */
function concatenated(values: Value[]): Value {
  if (values.includes(SQL_NULL) && !values.includes(null)) return SQL_NULL;
  return values.every((value) => typeof value === 'string' || typeof value === 'number') ? values.join('') : null;
}

const TRUE_TEXT = new Set(['true', 't', 'yes', 'y', 'on', '1']);
const FALSE_TEXT = new Set(['false', 'f', 'no', 'n', 'off', '0']);

/** `value::type` for the casts a block's variables go through; null for any other. */
function cast(value: Value, type: string): Value {
  if (value === null || value === SQL_NULL) return value;
  if (type === 'bool' || type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    return TRUE_TEXT.has(text) ? true : FALSE_TEXT.has(text) ? false : null;
  }
  if (type === 'text' || type === 'varchar' || type === 'name') return String(value);
  if (type === 'int4' || type === 'int8' || type === 'integer' || type === 'bigint') return typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : null;
  return null;
}

/** `current_setting('app.x', true)` of a custom (dotted) setting: the name, else null. */
function optionalCustomSetting(node: Node): string | null {
  if (!('FuncCall' in node) || stringsOf(node.FuncCall.funcname).join('.').replace(/^pg_catalog\./, '') !== 'current_setting') return null;
  const [name, missingOk] = node.FuncCall.args ?? [];
  const setting = literal(name);
  const optional = missingOk && 'A_Const' in missingOk && missingOk.A_Const.boolval?.boolval === true;
  return setting !== null && setting.includes('.') && optional ? setting : null;
}

/** COALESCE: the first argument that is not NULL; an unset custom setting is NULL (and noted in the model). */
function coalesced(args: Node[], ctx: ReplayContext, scope: Scope): Value {
  for (const arg of args) {
    const setting = optionalCustomSetting(arg);
    if (setting !== null) {
      takeAsUnset(setting, ctx);
      continue;
    }
    const value = evaluate(arg, ctx, scope);
    if (value !== SQL_NULL) return value;
  }
  return SQL_NULL;
}

function takeAsUnset(setting: string, ctx: ReplayContext): void {
  const place = `${ctx.origin.path}:${ctx.origin.line}`;
  if (!ctx.schema.settingsTakenAsUnset.some((entry) => entry.name === setting && `${entry.origin.path}:${entry.origin.line}` === place)) {
    ctx.schema.settingsTakenAsUnset.push({ name: setting, origin: ctx.origin });
  }
}

/** format() placeholders: %s as is, %I as an identifier, %L as a literal, %% a percent sign. */
function formatted(template: string, args: Value[]): Value {
  let next = 0;
  let failed = false;
  const text = template.replace(/%([sIL%])/g, (_, kind: string) => {
    if (kind === '%') return '%';
    const value = args[next++];
    if (value === undefined || value === null || value === SQL_NULL || typeof value === 'boolean') {
      failed = true;
      return '';
    }
    const string = String(value);
    return kind === 'I' ? QuoteUtils.quoteIdentifier(string) : kind === 'L' ? `'${string.replace(/'/g, "''")}'` : string;
  });
  return failed || /%[^sIL%]/.test(template) ? null : text;
}

/** concat(), format(), quote_ident() and quote_literal() of known values. */
function textFunction(node: Extract<Node, { FuncCall: unknown }>, ctx: ReplayContext, scope: Scope): Value {
  const name = stringsOf(node.FuncCall.funcname).join('.').replace(/^pg_catalog\./, '');
  const args = (node.FuncCall.args ?? []).map((arg) => evaluate(arg, ctx, scope));
  switch (name) {
    // Unlike ||, concat() skips NULL arguments.
    case 'concat':
      return concatenated(args.filter((arg) => arg !== SQL_NULL));
    case 'format':
      return typeof args[0] === 'string' ? formatted(args[0], args.slice(1)) : null;
    case 'quote_ident':
      return typeof args[0] === 'string' && args.length === 1 ? QuoteUtils.quoteIdentifier(args[0]) : null;
    case 'quote_literal':
      return typeof args[0] === 'string' && args.length === 1 ? `'${args[0].replace(/'/g, "''")}'` : null;
    default:
      return null;
  }
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

interface Conditions {
  /** `col = 'value'`, by column. */
  values: Map<string, string>;
  /** Columns tested `IS NOT NULL`. */
  notNull: Set<string>;
}

/** `col = 'value'` and `col IS NOT NULL` conditions of a WHERE made only of those joined by AND; null for anything else. */
function equalities(where: Node | undefined): Conditions | null {
  const found: Conditions = { values: new Map(), notNull: new Set() };
  const columnName = (node: Node | undefined) => (node && 'ColumnRef' in node ? stringsOf(node.ColumnRef.fields).pop() : undefined);
  const visit = (node: Node | undefined): boolean => {
    if (!node) return false;
    if ('BoolExpr' in node && node.BoolExpr.boolop === 'AND_EXPR') return (node.BoolExpr.args ?? []).every(visit);
    if ('NullTest' in node && node.NullTest.nulltesttype === 'IS_NOT_NULL') {
      const column = columnName(node.NullTest.arg);
      if (column) found.notNull.add(column);
      return column !== undefined;
    }
    if (!('A_Expr' in node) || node.A_Expr.kind !== 'AEXPR_OP' || stringsOf(node.A_Expr.name).join() !== '=') return false;
    const column = columnName(node.A_Expr.lexpr);
    const value = literal(node.A_Expr.rexpr);
    if (!column || value === null) return false;
    found.values.set(column, value);
    return true;
  };
  return visit(where) ? found : null;
}

/** Catalogs whose rows the conditions catalogRowExists accepts name by a unique key: at most one row matches. */
const ONE_ROW_CATALOGS = new Set(['pg_extension', 'pg_catalog.pg_extension', 'pg_available_extensions', 'pg_catalog.pg_available_extensions']);

function catalogName(select: SelectStmt): string | null {
  const from = select.fromClause?.length === 1 ? select.fromClause[0] : undefined;
  return from && 'RangeVar' in from ? `${from.RangeVar.schemaname ? `${from.RangeVar.schemaname}.` : ''}${from.RangeVar.relname ?? ''}` : null;
}

/** How many rows `SELECT ... FROM <catalog> WHERE ...` matches; null when the model cannot tell. */
function catalogRowCount(select: SelectStmt, ctx: ReplayContext): number | null {
  const exists = catalogRowExists(select, ctx);
  if (exists === null) return null;
  if (!exists) return 0;
  return ONE_ROW_CATALOGS.has(catalogName(select) ?? '') ? 1 : null;
}

/**
 * Whether an extension is installed: those the chain created so far, and plpgsql. One a
 * platform installs before the first migration (Supabase's pgcrypto) depends on the platform:
 * unknown unless the chain created it.
 */
function extensionInstalled(name: string, ctx: ReplayContext): Truth {
  if (name === 'plpgsql' || ctx.schema.extensions.has(name)) return true;
  return platformObjects('supabase').extensions.has(name) ? null : false;
}

/** information_schema.table_constraints' constraint_type by kind; exclusion constraints are not listed there. */
const CONSTRAINT_TYPES: Partial<Record<ConstraintKind, string>> = { 'primary key': 'PRIMARY KEY', unique: 'UNIQUE', 'foreign key': 'FOREIGN KEY', check: 'CHECK' };

const TABLE_CONSTRAINTS_COLUMNS = new Set(['table_schema', 'table_name', 'constraint_schema', 'constraint_name', 'constraint_type']);

/** A table's rows in information_schema.table_constraints; PostgreSQL lists NOT NULL constraints as CHECK. */
function tableConstraintRows(schema: SchemaModel, table: Table): { constraint_name: string; constraint_type: string }[] {
  const constraints = table.constraints.flatMap((constraint) => {
    const type = CONSTRAINT_TYPES[constraint.kind];
    return type ? [{ constraint_name: constraint.name, constraint_type: type }] : [];
  });
  const notNulls = table.columns.flatMap((column) => {
    const name = notNullName(schema, table, column);
    return name ? [{ constraint_name: name, constraint_type: 'CHECK' }] : [];
  });
  return [...constraints, ...notNulls];
}

/**
 * The rows of `information_schema.table_constraints WHERE table_name = 't' AND constraint_type =
 * 'PRIMARY KEY'` (any of its name, schema and type columns) the model has; null when it cannot
 * tell (a condition on another column, a schema it does not hold whole, a partition's inherited
 * keys).
 */
function tableConstraintMatches(where: ReadonlyMap<string, string>, ctx: ReplayContext): Record<string, string>[] | null {
  if (where.size === 0 || [...where.keys()].some((column) => !TABLE_CONSTRAINTS_COLUMNS.has(column))) return null;
  const tableSchema = where.get('table_schema');
  const constraintSchema = where.get('constraint_schema');
  if (constraintSchema !== undefined && !heldWhole(ctx, constraintSchema)) return null;
  const tables = [...ctx.schema.tables.values()].filter(
    (table) =>
      (where.get('table_name') ?? table.name) === table.name &&
      (tableSchema ?? table.schema) === table.schema &&
      (constraintSchema ?? table.schema) === table.schema,
  );
  if (tables.some((table) => table.partitionOf !== null)) return null;
  return tables.flatMap((table) =>
    tableConstraintRows(ctx.schema, table)
      .filter((row) => (where.get('constraint_name') ?? row.constraint_name) === row.constraint_name && (where.get('constraint_type') ?? row.constraint_type) === row.constraint_type)
      .map((row) => ({ ...row, table_schema: table.schema, table_name: table.name, constraint_schema: table.schema })),
  );
}

/** Whether the model has such a row of information_schema.table_constraints. */
function tableConstraintExists(where: ReadonlyMap<string, string>, ctx: ReplayContext, answer: (found: boolean) => Truth): Truth {
  const rows = tableConstraintMatches(where, ctx);
  return rows === null ? null : answer(rows.length > 0);
}

/** The rows a catalog query matches, for the catalogs whose columns the model can list; null otherwise or when it cannot tell. */
function catalogRows(select: SelectStmt, ctx: ReplayContext): Record<string, string>[] | null {
  const conditions = equalities(select.whereClause);
  if (catalogName(select) !== 'information_schema.table_constraints' || !conditions || conditions.notNull.size > 0) return null;
  const rows = tableConstraintMatches(conditions.values, ctx);
  // No row, where a schema the model does not hold whole could have one: unknown.
  if (rows?.length === 0 && conditions.values.get('table_schema') === undefined && [...ctx.schema.schemas.keys()].some((schema) => !heldWhole(ctx, schema))) return null;
  return rows;
}

/** EXISTS (SELECT ... FROM <catalog> WHERE col = 'v' AND ...): whether the model has such a row. */
function catalogRowExists(select: SelectStmt, ctx: ReplayContext): Truth {
  const catalog = catalogName(select);
  const conditions = equalities(select.whereClause);
  if (catalog === null || !conditions) return null;
  const { values: where, notNull } = conditions;
  const schemaName = where.get('table_schema') ?? where.get('schemaname');
  const known = (keys: string[], notNullKeys: string[] = []) =>
    where.size === keys.length && keys.every((key) => where.has(key)) && notNull.size === notNullKeys.length && notNullKeys.every((key) => notNull.has(key));
  if (schemaName !== undefined && !heldWhole(ctx, schemaName)) return null;
  const tables = (name: string) =>
    [...ctx.schema.tables.values()].filter((table) => table.name === name && (schemaName === undefined || table.schema === schemaName));
  const answer = (found: boolean): Truth => (found ? true : schemaName === undefined && [...ctx.schema.schemas.keys()].some((schema) => !heldWhole(ctx, schema)) ? null : false);
  switch (catalog) {
    case 'information_schema.table_constraints':
      return notNull.size === 0 ? tableConstraintExists(where, ctx, answer) : null;
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
      return answer(types || (constraintNameMayExist(ctx.schema, name) && [...ctx.schema.tables.values()].some((table) => table.constraints.some((constraint) => constraint.name === name))));
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
    case 'pg_extension':
    case 'pg_catalog.pg_extension': {
      const name = where.get('extname');
      return name && known(['extname']) ? extensionInstalled(name, ctx) : null;
    }
    // Installed: `installed_version IS NOT NULL`; whether one is merely available depends on the server.
    case 'pg_available_extensions':
    case 'pg_catalog.pg_available_extensions': {
      const name = where.get('name');
      return name && known(['name'], ['installed_version']) ? extensionInstalled(name, ctx) : null;
    }
    default:
      return null;
  }
}
