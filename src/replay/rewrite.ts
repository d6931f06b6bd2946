/**
 * SQL text kept in the model (view queries, policy and CHECK expressions) follows renames the
 * way PostgreSQL's stored parse trees do: a renamed or moved table is named anew (and so are
 * column references qualified with its old name), and a renamed column is
 * referred to by its new name (keeping the old one as the output name of a view column).
 * Text that does not parse is returned unchanged.
 */
import type { Node } from 'libpg-query';
import { parseSync } from '../parse/wasm.js';
import { expressionText } from './sql-text.js';

interface RelationName {
  schema: string;
  name: string;
}

type Visitor = (record: Record<string, unknown>) => void;

function walk(value: unknown, visit: Visitor): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((item) => walk(item, visit));
  const record = value as Record<string, unknown>;
  visit(record);
  Object.values(record).forEach((inner) => walk(inner, visit));
}

function parseQuery(query: string): Node | null {
  try {
    return parseSync(query).stmts?.[0]?.stmt ?? null;
  } catch {
    return null;
  }
}

interface RangeVarShape {
  schemaname?: string;
  relname?: string;
  alias?: { aliasname?: string };
}

/** Whether a RangeVar names the relation (unqualified names resolve in `public` or the view's own schema). */
function names(range: RangeVarShape, relation: RelationName, homeSchema: string): boolean {
  if (range.relname !== relation.name) return false;
  return range.schemaname ? range.schemaname === relation.schema : relation.schema === 'public' || relation.schema === homeSchema;
}

/** Renames a relation in a parsed tree (see renameRelationInQuery); whether anything changed. */
function renameRelationInTree(tree: unknown, from: RelationName, to: RelationName, homeSchema: string): boolean {
  let changed = false;
  let requalify = false;
  walk(tree, (record) => {
    if (!('RangeVar' in record)) return;
    const range = record.RangeVar as RangeVarShape;
    if (!names(range, from, homeSchema)) return;
    if (!range.alias && to.name !== from.name) requalify = true;
    range.relname = to.name;
    if (range.schemaname || to.schema !== from.schema) range.schemaname = to.schema;
    changed = true;
  });
  if (requalify) {
    walk(tree, (record) => {
      if (!('ColumnRef' in record)) return;
      const fields = (record.ColumnRef as { fields?: unknown[] }).fields ?? [];
      const qualifier = fields[fields.length - 2];
      if (fields.length >= 2 && stringField(qualifier) === from.name) {
        setString(qualifier, to.name);
        if (fields.length >= 3 && stringField(fields[fields.length - 3]) === from.schema) setString(fields[fields.length - 3], to.schema);
      }
    });
  }
  return changed;
}

/** A view query after the relation it reads was renamed or moved; `old.col` references follow the new name. */
export function renameRelationInQuery(query: string, from: RelationName, to: RelationName, homeSchema: string): string {
  const tree = parseQuery(query);
  return tree && renameRelationInTree(tree, from, to, homeSchema) ? expressionText(tree) : query;
}

/** An expression (a policy's, with its subqueries) after a relation it reads was renamed or moved. */
export function renameRelationInExpression(expression: string, from: RelationName, to: RelationName, homeSchema: string): string {
  const value = parseExpression(expression);
  return value && renameRelationInTree(value, from, to, homeSchema) ? expressionText(value) : expression;
}

/** Where a piece of stored SQL stands: an expression, or a whole query (a view's). */
export type SqlKind = 'expression' | 'query';

/**
 * Stored SQL after `change` edited nodes of its tree (it returns whether it changed one); the
 * text unchanged when nothing changed or it does not parse.
 */
export function rewriteNodes(text: string, kind: SqlKind, change: (record: Record<string, unknown>) => boolean): string {
  const tree = kind === 'query' ? parseQuery(text) : parseExpression(text);
  if (!tree) return text;
  let changed = false;
  walk(tree, (record) => {
    if (change(record)) changed = true;
  });
  return changed ? expressionText(tree) : text;
}

function stringField(node: unknown): string | undefined {
  return node && typeof node === 'object' && 'String' in node ? (node as { String: { sval?: string } }).String.sval : undefined;
}

function setString(node: unknown, value: string): void {
  (node as { String: { sval?: string } }).String.sval = value;
}

/** A view query after a column of a relation it reads was renamed. */
export function renameColumnInQuery(query: string, relation: RelationName, from: string, to: string, homeSchema: string): string {
  const tree = parseQuery(query);
  if (!tree) return query;
  const labels = new Set<string>();
  let relations = 0;
  walk(tree, (record) => {
    if (!('RangeVar' in record)) return;
    relations++;
    const range = record.RangeVar as RangeVarShape;
    if (names(range, relation, homeSchema)) labels.add(range.alias?.aliasname ?? range.relname ?? '');
  });
  if (labels.size === 0) return query;
  const unqualifiedIsOurs = relations === 1;
  let changed = false;
  walk(tree, (record) => {
    if ('ResTarget' in record) {
      const target = record.ResTarget as { name?: string; val?: Record<string, unknown> };
      const fields = target.val && 'ColumnRef' in target.val ? ((target.val.ColumnRef as { fields?: unknown[] }).fields ?? []) : [];
      const last = fields[fields.length - 1];
      const ours = fields.length === 1 ? unqualifiedIsOurs : labels.has(stringField(fields[fields.length - 2]) ?? '');
      if (!target.name && stringField(last) === from && ours) target.name = from;
    }
    if (!('ColumnRef' in record)) return;
    const fields = (record.ColumnRef as { fields?: unknown[] }).fields ?? [];
    const last = fields[fields.length - 1];
    if (stringField(last) !== from) return;
    const ours = fields.length === 1 ? unqualifiedIsOurs : labels.has(stringField(fields[fields.length - 2]) ?? '');
    if (!ours) return;
    setString(last, to);
    changed = true;
  });
  return changed ? expressionText(tree) : query;
}

/** A standalone expression's tree, parsed as the target of `SELECT`; undefined if it does not parse. */
function parseExpression(expression: string): Node | undefined {
  const tree = parseQuery(`SELECT ${expression}`);
  const target = tree && 'SelectStmt' in tree ? tree.SelectStmt.targetList?.[0] : undefined;
  return target && 'ResTarget' in target ? target.ResTarget.val : undefined;
}

/** An expression on one table (policy, CHECK) after one of its columns was renamed. */
export function renameColumnInExpression(expression: string, table: string, from: string, to: string): string {
  const value = parseExpression(expression);
  if (!value) return expression;
  let changed = false;
  walk(value, (record) => {
    if (!('ColumnRef' in record)) return;
    const fields = (record.ColumnRef as { fields?: unknown[] }).fields ?? [];
    const last = fields[fields.length - 1];
    if (stringField(last) !== from) return;
    if (fields.length > 1 && stringField(fields[fields.length - 2]) !== table) return;
    setString(last, to);
    changed = true;
  });
  return changed ? expressionText(value) : expression;
}

/** An expression on one table after the table was renamed: `old_name.col` becomes `col`, as PostgreSQL prints it. */
export function unqualifyColumns(expression: string, table: string): string {
  const value = parseExpression(expression);
  if (!value) return expression;
  let changed = false;
  walk(value, (record) => {
    if (!('ColumnRef' in record)) return;
    const columnRef = record.ColumnRef as { fields?: unknown[] };
    const fields = columnRef.fields ?? [];
    if (fields.length < 2 || stringField(fields[fields.length - 2]) !== table) return;
    columnRef.fields = fields.slice(-1);
    changed = true;
  });
  return changed ? expressionText(value) : expression;
}

/** Whether a view query reads `column` of `relation` (same resolution as renameColumnInQuery). */
export function queryUsesColumn(query: string, relation: RelationName, column: string, homeSchema: string): boolean {
  return renameColumnInQuery(query, relation, column, `${column}\u0000`, homeSchema) !== query;
}

/** Whether a one-table expression mentions `column`. */
export function expressionUsesColumn(expression: string, table: string, column: string): boolean {
  return renameColumnInExpression(expression, table, column, `${column}\u0000`) !== expression;
}
