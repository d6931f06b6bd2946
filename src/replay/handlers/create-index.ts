import type { IndexStmt, Node } from 'libpg-query';
import { QuoteUtils } from 'pgsql-deparser';
import { visitNodes } from '../../ast.js';
import type { ReplayContext } from '../context.js';
import { madeAt, type Reason } from '../reasons.js';
import { qualifiedName, type Table } from '../model.js';
import { expressionText, quoteIdentifier, stringsOf } from '../sql-text.js';
import { applyStorageParameters } from './storage.js';
import { chooseName, distinctColumnNames } from '../object-names.js';

/** The name PostgreSQL's FigureColname gives an index expression (`lower(email)` is `lower`). */
function figureName(node: Node | undefined): string {
  if (!node) return 'expr';
  if ('ColumnRef' in node) return stringsOf(node.ColumnRef.fields).pop() ?? 'expr';
  if ('FuncCall' in node) return stringsOf(node.FuncCall.funcname).pop() ?? 'expr';
  if ('TypeCast' in node) {
    const inner = figureName(node.TypeCast.arg);
    return inner !== 'expr' ? inner : (stringsOf(node.TypeCast.typeName?.names).pop() ?? 'expr');
  }
  if ('CoalesceExpr' in node) return 'coalesce';
  if ('CaseExpr' in node) return 'case';
  return 'expr';
}

function nameColumn(node: Node): string {
  if (!('IndexElem' in node)) return 'expr';
  return node.IndexElem.name ?? figureName(node.IndexElem.expr);
}

/** A key as CREATE INDEX writes it: column or (expression), COLLATE, operator class, ordering. */
export function keySql(node: Node): string {
  if (!('IndexElem' in node)) return '';
  const element = node.IndexElem;
  const parts = [element.name ? QuoteUtils.quoteIdentifier(element.name) : `(${element.expr ? expressionText(element.expr) : ''})`];
  if (element.collation?.length) parts.push(`COLLATE ${stringsOf(element.collation).map((name) => `"${name}"`).join('.')}`);
  if (element.opclass?.length) parts.push(stringsOf(element.opclass).map(quoteIdentifier).join('.'));
  if (element.ordering === 'SORTBY_DESC') parts.push('DESC');
  if (element.nulls_ordering === 'SORTBY_NULLS_FIRST') parts.push('NULLS FIRST');
  if (element.nulls_ordering === 'SORTBY_NULLS_LAST') parts.push('NULLS LAST');
  return parts.join(' ');
}

function keyText(node: Node): string {
  if (!('IndexElem' in node)) return '';
  const element = node.IndexElem;
  return element.name ?? (element.expr ? expressionText(element.expr) : '');
}

/**
 * The first key or INCLUDE column the table does not have (a CREATE TABLE IF NOT EXISTS skipped
 * because an older definition with fewer columns was there); expressions are not checked.
 */
function missingKeyColumn(statement: IndexStmt, table: Table): string | null {
  for (const param of [...(statement.indexParams ?? []), ...(statement.indexIncludingParams ?? [])]) {
    const column = 'IndexElem' in param ? param.IndexElem.name : undefined;
    if (column !== undefined && !table.columns.some((candidate) => candidate.name === column)) return column;
  }
  return null;
}

/**
 * Built-in functions that are not IMMUTABLE, which PostgreSQL refuses in an index expression or
 * predicate (`WHERE expires_at > now()`, a classic: the index would answer differently tomorrow).
 * Functions of the chain are not judged: their volatility is not modelled.
 */
const NOT_IMMUTABLE = new Set(['now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'timeofday', 'random', 'gen_random_uuid', 'uuid_generate_v4', 'current_setting', 'nextval', 'txid_current', 'age']);

/** True when the expression calls one of those, or uses CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER and the like. */
function callsNotImmutable(expression: unknown): boolean {
  let found = false;
  visitNodes(expression, 'SQLValueFunction', () => void (found = true));
  visitNodes(expression, 'FuncCall', (call) => {
    const name = stringsOf(call.funcname);
    const schema = name.length > 1 ? name[0] : 'pg_catalog';
    const bare = name[name.length - 1] ?? '';
    // age(x) alone reads the current date; age(x, y) is immutable.
    if (schema === 'pg_catalog' && NOT_IMMUTABLE.has(bare) && !(bare === 'age' && (call.args?.length ?? 0) > 1)) found = true;
  });
  return found;
}

/** PostgreSQL's refusal of an index whose expressions or predicate are not immutable; null when none. */
function notImmutableReason(statement: IndexStmt): Reason | null {
  const expressions = (statement.indexParams ?? []).map((param) => ('IndexElem' in param ? param.IndexElem.expr : undefined));
  if (callsNotImmutable(expressions)) return { code: 'invalid', text: 'functions in index expression must be marked IMMUTABLE' };
  if (callsNotImmutable(statement.whereClause)) return { code: 'invalid', text: 'functions in index predicate must be marked IMMUTABLE' };
  return null;
}

export function createIndex(statement: IndexStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const found = ctx.findTable(relation.schemaname, relation.relname ?? '');
  const viewKey = found ? null : ctx.findKey(ctx.schema.views, relation.schemaname, relation.relname ?? '');
  const view = viewKey ? ctx.schema.views.get(viewKey) : undefined;
  const table = found ?? (view?.materialized ? { ...view, id: null } : null);
  const tableKey = table ? qualifiedName(table.schema, table.name) : ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (!table) {
    ctx.emit({ action: 'error', objectType: 'index', name: tableKey, reason: { code: 'missing', kind: 'relation', name: tableKey, ...(view ? { asIndexable: true } : {}) } });
    return;
  }
  const missingColumn = found ? missingKeyColumn(statement, found) : null;
  if (missingColumn) {
    ctx.emit({ action: 'error', objectType: 'index', name: tableKey, tableId: table.id, reason: { code: 'missing', kind: 'column', name: missingColumn } });
    return;
  }
  const notImmutable = notImmutableReason(statement);
  if (notImmutable) {
    ctx.emit({ action: 'error', objectType: 'index', name: tableKey, tableId: table.id, reason: notImmutable });
    return;
  }
  const keys = (statement.indexParams ?? []).map(keyText);
  const name =
    statement.idxname ??
    chooseName(table.name, distinctColumnNames([...(statement.indexParams ?? []), ...(statement.indexIncludingParams ?? [])].map(nameColumn)), statement.primary ? 'pkey' : 'idx', (candidate) =>
      ctx.relationExists(qualifiedName(table.schema, candidate)),
    );
  const key = qualifiedName(table.schema, name);
  const existing = ctx.schema.indexes.get(key);
  if (existing || ctx.relationExists(key)) {
    ctx.emit({
      action: statement.if_not_exists ? 'noop' : 'error',
      objectType: 'index',
      name: key,
      tableId: table.id,
      reason: { code: 'exists', kind: 'relation', name: key, ...(existing ? { madeAt: madeAt(existing.created) } : {}) },
    });
    return;
  }
  ctx.schema.indexes.set(key, {
    schema: table.schema,
    name,
    table: tableKey,
    unique: Boolean(statement.unique),
    method: statement.accessMethod ?? 'btree',
    keys,
    keySql: (statement.indexParams ?? []).map(keySql),
    include: (statement.indexIncludingParams ?? []).map(keyText),
    where: statement.whereClause ? expressionText(statement.whereClause) : null,
    constraint: null,
    created: ctx.origin,
    ...(statement.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
    ...(statement.options?.length ? { storageParameters: applyStorageParameters([], statement.options) } : {}),
    ...(!relation.inh && found?.partitionBy ? { only: true as const } : {}),
  });
  ctx.emit({ action: 'create', objectType: 'index', name: key, tableId: table.id, message: `created index "${key}" on "${tableKey}"` });
}
