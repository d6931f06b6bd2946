/**
 * The columns a SELECT produces, named and typed as PostgreSQL names and types them, for
 * CREATE TABLE ... AS. Types come from the model's tables, casts, literals and the common
 * built-in functions and operators; a type it cannot tell is null.
 */
import type { A_Expr, FuncCall, Node, SelectStmt } from 'libpg-query';
import { parseSync } from '../parse/wasm.js';
import type { ReplayContext } from './context.js';
import { formatType, stringsOf, typeBaseName } from './sql-text.js';

export interface QueryColumn {
  name: string;
  /** As format_type prints it; `unknown` for a bare literal or NULL; null when the model cannot tell. */
  type: string | null;
}

/** A relation of the FROM list as the select list sees it. */
interface ScopeItem {
  alias: string;
  columns: QueryColumn[];
}

const NUMERIC_ORDER = ['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'];
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~', '~*', '!~', '!~*', '@>', '<@', '&&', '?', '?|', '?&', '@@']);

const FIXED_RESULTS: Record<string, string> = {
  count: 'bigint',
  row_number: 'bigint',
  rank: 'bigint',
  dense_rank: 'bigint',
  nextval: 'bigint',
  currval: 'bigint',
  now: 'timestamp with time zone',
  statement_timestamp: 'timestamp with time zone',
  transaction_timestamp: 'timestamp with time zone',
  clock_timestamp: 'timestamp with time zone',
  bool_and: 'boolean',
  bool_or: 'boolean',
  every: 'boolean',
  lower: 'text',
  upper: 'text',
  concat: 'text',
  concat_ws: 'text',
  string_agg: 'text',
  md5: 'text',
  format: 'text',
  replace: 'text',
  substr: 'text',
  btrim: 'text',
  length: 'integer',
  char_length: 'integer',
  gen_random_uuid: 'uuid',
  uuid_generate_v4: 'uuid',
  json_build_object: 'json',
  jsonb_build_object: 'jsonb',
  to_tsvector: 'tsvector',
};

const SUM_RESULTS: Record<string, string> = { smallint: 'bigint', integer: 'bigint', bigint: 'numeric', numeric: 'numeric', real: 'real', 'double precision': 'double precision', interval: 'interval' };
const AVG_RESULTS: Record<string, string> = { smallint: 'numeric', integer: 'numeric', bigint: 'numeric', numeric: 'numeric', real: 'double precision', 'double precision': 'double precision', interval: 'interval' };

/** The type a UNION, CASE or COALESCE of these types resolves to (select_common_type, simplified). */
function commonType(types: (string | null)[]): string | null {
  if (types.includes(null)) return null;
  const known = [...new Set(types.filter((type) => type !== 'unknown'))] as string[];
  if (known.length === 0) return 'unknown';
  if (known.length === 1) return known[0]!;
  if (known.every((type) => NUMERIC_ORDER.includes(type))) return known.reduce((wider, type) => (NUMERIC_ORDER.indexOf(type) > NUMERIC_ORDER.indexOf(wider) ? type : wider));
  return null;
}

/** FigureColname: the name PostgreSQL gives a select-list entry written without AS. */
function figureName(node: Node | undefined): string | null {
  if (!node) return null;
  if ('ColumnRef' in node) {
    const last = node.ColumnRef.fields?.at(-1);
    return last && 'String' in last ? (last.String.sval ?? null) : null;
  }
  if ('FuncCall' in node) return stringsOf(node.FuncCall.funcname).at(-1) ?? null;
  if ('TypeCast' in node) return figureName(node.TypeCast.arg) ?? (node.TypeCast.typeName ? typeBaseName(node.TypeCast.typeName) : null);
  if ('CaseExpr' in node) return 'case';
  if ('CoalesceExpr' in node) return 'coalesce';
  if ('MinMaxExpr' in node) return node.MinMaxExpr.op === 'IS_LEAST' ? 'least' : 'greatest';
  if ('SubLink' in node && node.SubLink.subLinkType === 'EXISTS_SUBLINK') return 'exists';
  if ('SQLValueFunction' in node) return node.SQLValueFunction.op?.replace(/^SVFOP_/, '').replace(/_N$/, '').toLowerCase() ?? null;
  return null;
}

class QueryTyper {
  constructor(
    private readonly ctx: ReplayContext,
    private readonly ctes: Map<string, QueryColumn[]>,
  ) {}

  columns(node: Node | undefined): QueryColumn[] | null {
    return node && 'SelectStmt' in node ? this.select(node.SelectStmt) : null;
  }

  private select(select: SelectStmt): QueryColumn[] | null {
    const typer = select.withClause ? this.withCtes(select.withClause.ctes ?? []) : this;
    if (select.op && select.op !== 'SETOP_NONE') {
      const left = select.larg ? typer.select(select.larg) : null;
      const right = select.rarg ? typer.select(select.rarg) : null;
      if (!left || !right || left.length !== right.length) return null;
      return left.map((column, position) => ({ name: column.name, type: commonType([column.type, right[position]!.type]) }));
    }
    if (select.valuesLists) {
      const rows = select.valuesLists.map((row) => ('List' in row ? (row.List.items ?? []) : []));
      return (rows[0] ?? []).map((_, position) => ({
        name: `column${position + 1}`,
        type: commonType(rows.map((row) => typer.expressionType(row[position], []))),
      }));
    }
    const scope = (select.fromClause ?? []).flatMap((item) => typer.scopeOf(item) ?? [{ alias: '', columns: [] }]);
    const columns: QueryColumn[] = [];
    for (const target of select.targetList ?? []) {
      if (!('ResTarget' in target)) return null;
      const value = target.ResTarget.val;
      const fields = value && 'ColumnRef' in value ? (value.ColumnRef.fields ?? []) : [];
      if (fields.some((field) => 'A_Star' in field)) {
        const qualifier = stringsOf(fields.slice(0, -1)).at(-1);
        const items = qualifier === undefined ? scope : scope.filter((item) => item.alias === qualifier);
        if (items.length === 0 || items.some((item) => item.columns.length === 0)) return null;
        columns.push(...items.flatMap((item) => item.columns));
        continue;
      }
      columns.push({ name: target.ResTarget.name ?? figureName(value) ?? '?column?', type: typer.expressionType(value, scope) });
    }
    return columns;
  }

  private withCtes(ctes: Node[]): QueryTyper {
    const known = new Map(this.ctes);
    const typer = new QueryTyper(this.ctx, known);
    for (const node of ctes) {
      if (!('CommonTableExpr' in node)) continue;
      const cte = node.CommonTableExpr;
      const columns = typer.columns(cte.ctequery);
      const names = stringsOf(cte.aliascolnames);
      if (columns) known.set(cte.ctename ?? '', columns.map((column, position) => ({ name: names[position] ?? column.name, type: column.type })));
    }
    return typer;
  }

  private scopeOf(item: Node): ScopeItem[] | null {
    if ('RangeVar' in item) {
      const relation = item.RangeVar;
      const name = relation.relname ?? '';
      const alias = relation.alias?.aliasname ?? name;
      const cte = relation.schemaname === undefined ? this.ctes.get(name) : undefined;
      if (cte) return [{ alias, columns: cte }];
      const table = this.ctx.findTable(relation.schemaname, name);
      if (table) return [{ alias, columns: table.columns.map((column) => ({ name: column.name, type: column.type })) }];
      const columns = this.viewColumns(relation.schemaname, name);
      return columns ? [{ alias, columns }] : null;
    }
    if ('RangeSubselect' in item) {
      const columns = this.columns(item.RangeSubselect.subquery);
      if (!columns) return null;
      const names = stringsOf(item.RangeSubselect.alias?.colnames);
      return [{ alias: item.RangeSubselect.alias?.aliasname ?? '', columns: columns.map((column, position) => ({ name: names[position] ?? column.name, type: column.type })) }];
    }
    if ('JoinExpr' in item) {
      const left = item.JoinExpr.larg ? this.scopeOf(item.JoinExpr.larg) : null;
      const right = item.JoinExpr.rarg ? this.scopeOf(item.JoinExpr.rarg) : null;
      return left && right ? [...left, ...right] : null;
    }
    return null;
  }

  /** A view's columns, typed from its query (the model keeps no column types for views). */
  private viewColumns(schema: string | undefined, name: string): QueryColumn[] | null {
    const key = this.ctx.findKey(this.ctx.schema.views, schema, name);
    const view = key ? this.ctx.schema.views.get(key) : undefined;
    if (!view) return null;
    let query: Node | undefined;
    try {
      query = parseSync(view.query).stmts?.[0]?.stmt;
    } catch {
      return null;
    }
    const columns = new QueryTyper(this.ctx, new Map()).columns(query);
    return columns?.map((column, position) => ({ name: view.columnNames[position] ?? column.name, type: column.type === 'unknown' ? 'text' : column.type })) ?? null;
  }

  private columnType(fields: Node[], scope: ScopeItem[]): string | null {
    const names = stringsOf(fields);
    const column = names.at(-1) ?? '';
    const qualifier = names.length > 1 ? names.at(-2) : undefined;
    for (const item of scope) {
      if (qualifier !== undefined && item.alias !== qualifier) continue;
      const found = item.columns.find((candidate) => candidate.name === column);
      if (found) return found.type;
    }
    return null;
  }

  expressionType(node: Node | undefined, scope: ScopeItem[]): string | null {
    if (!node) return null;
    if ('TypeCast' in node) return node.TypeCast.typeName ? formatType(node.TypeCast.typeName) : null;
    if ('ColumnRef' in node) return this.columnType(node.ColumnRef.fields ?? [], scope);
    if ('A_Const' in node) {
      const constant = node.A_Const;
      if (constant.ival !== undefined) return 'integer';
      if (constant.fval !== undefined) return 'numeric';
      if (constant.boolval !== undefined) return 'boolean';
      return 'unknown';
    }
    if ('BoolExpr' in node || 'NullTest' in node || 'BooleanTest' in node) return 'boolean';
    if ('SubLink' in node) {
      const kind = node.SubLink.subLinkType;
      if (kind === 'EXPR_SUBLINK') return this.columns(node.SubLink.subselect)?.[0]?.type ?? null;
      return kind === 'ARRAY_SUBLINK' || kind === 'MULTIEXPR_SUBLINK' || kind === 'CTE_SUBLINK' ? null : 'boolean';
    }
    if ('CaseExpr' in node) {
      const results = (node.CaseExpr.args ?? []).map((arm) => ('CaseWhen' in arm ? arm.CaseWhen.result : undefined));
      return commonType([...results, node.CaseExpr.defresult].filter((result): result is Node => result !== undefined).map((result) => this.expressionType(result, scope)));
    }
    if ('CoalesceExpr' in node) return commonType((node.CoalesceExpr.args ?? []).map((arg) => this.expressionType(arg, scope)));
    if ('MinMaxExpr' in node) return commonType((node.MinMaxExpr.args ?? []).map((arg) => this.expressionType(arg, scope)));
    if ('SQLValueFunction' in node) return sqlValueType(node.SQLValueFunction.op);
    if ('A_Expr' in node) return this.operatorType(node.A_Expr, scope);
    if ('FuncCall' in node) return this.functionType(node.FuncCall, scope);
    return null;
  }

  private operatorType(expression: A_Expr, scope: ScopeItem[]): string | null {
    const kind = expression.kind;
    if (kind !== 'AEXPR_OP') return kind === 'AEXPR_NULLIF' ? this.expressionType(expression.lexpr, scope) : 'boolean';
    const operator = stringsOf(expression.name).at(-1) ?? '';
    if (COMPARISONS.has(operator)) return 'boolean';
    const left = this.expressionType(expression.lexpr, scope);
    const right = this.expressionType(expression.rexpr, scope);
    if (operator === '||') return left === 'jsonb' || right === 'jsonb' ? 'jsonb' : left !== null && left.endsWith('[]') ? left : 'text';
    if (!expression.lexpr) return right === 'unknown' ? null : right;
    if (['+', '-', '*', '/', '%'].includes(operator) && left !== null && right !== null && NUMERIC_ORDER.includes(left) && NUMERIC_ORDER.includes(right)) return commonType([left, right]);
    return null;
  }

  private functionType(call: FuncCall, scope: ScopeItem[]): string | null {
    const names = stringsOf(call.funcname);
    if (names.length > 1 && names[0] !== 'pg_catalog') return null;
    const name = names.at(-1) ?? '';
    if (FIXED_RESULTS[name]) return FIXED_RESULTS[name];
    const argument = this.expressionType(call.args?.[0], scope);
    if (name === 'max' || name === 'min' || name === 'any_value') return argument === 'unknown' ? null : argument;
    if (name === 'sum') return argument ? (SUM_RESULTS[argument] ?? null) : null;
    if (name === 'avg') return argument ? (AVG_RESULTS[argument] ?? null) : null;
    if (name === 'array_agg') return argument && argument !== 'unknown' && !argument.endsWith('[]') ? `${argument}[]` : null;
    if (name === 'date_trunc') return this.expressionType(call.args?.[1], scope);
    return null;
  }
}

function sqlValueType(op: string | undefined): string | null {
  switch (op) {
    case 'SVFOP_CURRENT_DATE':
      return 'date';
    case 'SVFOP_CURRENT_TIMESTAMP':
    case 'SVFOP_CURRENT_TIMESTAMP_N':
      return 'timestamp with time zone';
    case 'SVFOP_LOCALTIMESTAMP':
    case 'SVFOP_LOCALTIMESTAMP_N':
      return 'timestamp without time zone';
    case 'SVFOP_CURRENT_TIME':
    case 'SVFOP_CURRENT_TIME_N':
      return 'time with time zone';
    case 'SVFOP_LOCALTIME':
    case 'SVFOP_LOCALTIME_N':
      return 'time without time zone';
    case 'SVFOP_CURRENT_ROLE':
    case 'SVFOP_CURRENT_USER':
    case 'SVFOP_USER':
    case 'SVFOP_SESSION_USER':
    case 'SVFOP_CURRENT_CATALOG':
    case 'SVFOP_CURRENT_SCHEMA':
      return 'name';
    default:
      return null;
  }
}

/**
 * The columns of the table CREATE TABLE ... AS makes from `query`, or null for a query shape the
 * model does not follow. A column left `unknown` by its literals is `text`, as PostgreSQL makes it.
 */
export function queryColumns(query: Node | undefined, ctx: ReplayContext): QueryColumn[] | null {
  const columns = new QueryTyper(ctx, new Map()).columns(query);
  return columns?.map((column) => ({ name: column.name, type: column.type === 'unknown' ? 'text' : column.type })) ?? null;
}
