/** CREATE STATISTICS: extended statistics on one table's columns and expressions. */
import type { CreateStatsStmt, Node } from 'libpg-query';
import { QuoteUtils } from 'pgsql-deparser';
import type { ReplayContext } from '../context.js';
import type { Reason } from '../reasons.js';
import { qualifiedName, type Table } from '../model.js';
import { schemaAndName } from '../names.js';
import { expressionText, stringsOf } from '../sql-text.js';
import { chooseName } from '../object-names.js';

interface Target {
  /** The column, when the target is one (a parenthesized bare column is one too). */
  column: string | null;
  /** As CREATE STATISTICS writes it: the column, or `(expression)`. */
  sql: string;
}

function targetOf(node: Node): Target | null {
  if (!('StatsElem' in node)) return null;
  const element = node.StatsElem;
  if (element.name !== undefined) return { column: element.name, sql: QuoteUtils.quoteIdentifier(element.name) };
  const expression = element.expr;
  if (!expression) return null;
  const fields = 'ColumnRef' in expression ? (expression.ColumnRef.fields ?? []) : [];
  if (fields.length === 1 && 'String' in fields[0]!) {
    const column = fields[0].String.sval ?? '';
    return { column, sql: QuoteUtils.quoteIdentifier(column) };
  }
  return { column: null, sql: `(${expressionText(expression)})` };
}

/** Why PostgreSQL refuses these targets on this table; null when it accepts them. */
function rejection(table: Table, targets: Target[]): Reason | null {
  const missing = targets.find((target) => target.column !== null && !table.columns.some((column) => column.name === target.column));
  if (missing) return { code: 'missing', kind: 'column', name: missing.column! };
  if (targets.length < 2 && targets.every((target) => target.column !== null)) return { code: 'invalid', text: 'extended statistics require at least 2 columns' };
  return null;
}

export function createStatistics(statement: CreateStatsStmt, ctx: ReplayContext): void {
  const relations = statement.relations ?? [];
  const relation = relations.length === 1 && relations[0] && 'RangeVar' in relations[0] ? relations[0].RangeVar : undefined;
  const targets = (statement.exprs ?? []).map(targetOf);
  if (!relation || targets.some((target) => target === null)) return ctx.keepUninterpreted();
  const written = targets as Target[];
  const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
  if (!table) {
    ctx.relationMissing(relation, 'statistics');
    return;
  }
  const tableKey = qualifiedName(table.schema, table.name);
  const problem = rejection(table, written);
  if (problem) {
    ctx.emit({ action: 'error', objectType: 'statistics', name: tableKey, tableId: table.id, reason: problem });
    return;
  }
  const named = schemaAndName(stringsOf(statement.defnames));
  const schema = statement.defnames?.length ? ctx.keyForCreate(named.schema, named.name).split('.')[0]! : table.schema;
  const name = statement.defnames?.length
    ? named.name
    : chooseName(table.name, written.map((target) => target.column ?? 'expr'), 'stat', (candidate) => ctx.schema.statistics.has(qualifiedName(schema, candidate)));
  const key = qualifiedName(schema, name);
  if (ctx.schema.statistics.has(key)) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'statistics', name: key, tableId: table.id, reason: { code: 'exists', kind: 'statistics object', name: key } });
    return;
  }
  ctx.schema.statistics.set(key, {
    schema,
    name,
    table: tableKey,
    kinds: stringsOf(statement.stat_types),
    targets: written.map((target) => target.sql),
    created: ctx.origin,
    changes: [],
  });
  ctx.emit({ action: 'create', objectType: 'statistics', name: key, tableId: table.id, message: `created statistics "${key}" on "${tableKey}"` });
}
