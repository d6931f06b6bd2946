/** CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW, CREATE TABLE AS. */
import type { CreateTableAsStmt, Node, RangeVar, ViewStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type Column, type View } from '../model.js';
import { persistenceOf } from '../persistence.js';
import { queryColumns } from '../query-columns.js';
import { expressionText, stringsOf } from '../sql-text.js';
import { applyDefaultPrivileges } from './grants.js';
import { holdsWholeSchema } from './table-elements.js';

/** Every relation a query names, in order, except the names of its own CTEs. */
function relationsNamed(query: Node | undefined): RangeVar[] {
  const relations: RangeVar[] = [];
  const cteNames = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if ('CommonTableExpr' in record) cteNames.add((record.CommonTableExpr as { ctename?: string }).ctename ?? '');
    if ('RangeVar' in record) {
      const relation = record.RangeVar as RangeVar;
      if (!(relation.schemaname === undefined && cteNames.has(relation.relname ?? ''))) relations.push(relation);
    }
    Object.values(record).forEach(visit);
  };
  visit(query);
  return relations;
}

/** Keys of the tables and views a query reads (CTE names excluded). */
export function relationsRead(query: Node | undefined, ctx: ReplayContext): string[] {
  const found: string[] = [];
  for (const relation of relationsNamed(query)) {
    const key = resolveRelation(ctx, relation.schemaname, relation.relname ?? '');
    if (key && !found.includes(key)) found.push(key);
  }
  return found;
}

/**
 * The first relation the query reads that is missing at this point although the chain creates
 * it (earlier and dropped, or later): PostgreSQL rejects the view. A name the chain never
 * creates is assumed made outside the folder, as for foreign keys.
 */
function missingRelation(query: Node | undefined, ctx: ReplayContext): string | null {
  for (const relation of relationsNamed(query)) {
    const name = relation.relname ?? '';
    const key = ctx.keyForCreate(relation.schemaname, name);
    const known = ctx.lookupSchemas(relation.schemaname).some((schema) => ctx.relationExists(qualifiedName(schema, name)));
    if (!known && holdsWholeSchema(ctx, key) && ctx.chainCreates.has(name)) return key;
  }
  return null;
}

function resolveRelation(ctx: ReplayContext, schema: string | undefined, name: string): string | null {
  for (const candidate of ctx.lookupSchemas(schema)) {
    const key = qualifiedName(candidate, name);
    if (ctx.schema.tables.has(key) || ctx.schema.views.has(key)) return key;
  }
  return null;
}

function viewOptions(options: Node[] | undefined): string[] {
  return (options ?? []).flatMap((node) =>
    'DefElem' in node ? [`${node.DefElem.defname}${node.DefElem.arg ? `=${stringsOf([node.DefElem.arg]).join('') || expressionText(node.DefElem.arg)}` : ''}`] : [],
  );
}

function defineView(ctx: ReplayContext, relation: RangeVar, replace: boolean, ifNotExists: boolean, query: Node | undefined, fill: Omit<View, 'schema' | 'name' | 'owner' | 'comment' | 'created' | 'changes' | 'sql' | 'triggers'>): void {
  const name = relation.relname ?? '';
  const key = ctx.keyForCreate(relation.schemaname, name);
  const existing = ctx.schema.views.get(key);
  const kind = fill.materialized ? 'materialized view' : 'view';
  if (existing && replace && !existing.materialized) {
    Object.assign(existing, fill, { sql: ctx.statement.text });
    ctx.change(existing, 'replaced the query');
    ctx.emit({ action: 'alter', objectType: 'view', name: key, message: `replaced view "${key}"` });
    return;
  }
  if (ctx.relationExists(key)) {
    ctx.emit({ action: ifNotExists ? 'noop' : 'error', objectType: 'view', name: key, reason: { code: 'exists', kind: 'relation', name: key } });
    return;
  }
  const missing = missingRelation(query, ctx);
  if (missing) {
    ctx.emit({ action: 'error', objectType: 'view', name: key, reason: { code: 'whole-statement', cause: { code: 'missing', kind: 'relation', name: missing }, consequence: `${kind} "${key}" is not created` } });
    return;
  }
  const [schema] = key.split('.') as [string];
  ctx.schema.views.set(key, { schema, name, ...fill, sql: ctx.statement.text, triggers: [], owner: null, comment: null, created: ctx.origin, changes: [] });
  applyDefaultPrivileges(ctx, 'tables', schema, key, fill.materialized ? 'materialized view' : 'view');
  ctx.emit({ action: 'create', objectType: 'view', name: key, message: `created ${kind} "${key}"` });
}

export function createView(statement: ViewStmt, ctx: ReplayContext): void {
  const options = viewOptions(statement.options);
  if (statement.withCheckOption && statement.withCheckOption !== 'NO_CHECK_OPTION') {
    options.push(`check_option=${statement.withCheckOption === 'CASCADED_CHECK_OPTION' ? 'cascaded' : 'local'}`);
  }
  defineView(ctx, statement.view!, Boolean(statement.replace), false, statement.query, {
    materialized: false,
    query: statement.query ? expressionText(statement.query) : '',
    columnNames: stringsOf(statement.aliases),
    dependsOn: relationsRead(statement.query, ctx),
    options,
  });
}

export function createTableAs(statement: CreateTableAsStmt, ctx: ReplayContext): void {
  const into = statement.into;
  if (!into?.rel) return ctx.keepUninterpreted();
  if (statement.objtype === 'OBJECT_MATVIEW') {
    defineView(ctx, into.rel, false, Boolean(statement.if_not_exists), statement.query, {
      materialized: true,
      query: statement.query ? expressionText(statement.query) : '',
      columnNames: stringsOf(into.colNames),
      dependsOn: relationsRead(statement.query, ctx),
      options: viewOptions(into.options),
    });
    return;
  }
  createTableFromQuery(statement, ctx);
}

/** CREATE TABLE ... AS SELECT: the columns the query produces, named and typed as PostgreSQL does. */
function createTableFromQuery(statement: CreateTableAsStmt, ctx: ReplayContext): void {
  const relation = statement.into!.rel!;
  const key = ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (ctx.relationExists(key)) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'table', name: key, reason: { code: 'exists', kind: 'relation', name: key } });
    return;
  }
  const produced = queryColumns(statement.query, ctx);
  if (!produced) return ctx.keepUninterpreted('the model cannot tell the columns this query produces');
  const names = stringsOf(statement.into!.colNames);
  const columns = produced.map((column, position) => plainColumn(names[position] ?? column.name, column.type ?? 'unknown', ctx));
  const table = ctx.newTable(key, { columns, ...persistenceOf(relation) });
  const schema = table.schema;
  ctx.schema.tables.set(key, table);
  applyDefaultPrivileges(ctx, 'tables', schema, key, 'table');
  ctx.emit({ action: 'create', objectType: 'table', name: key, tableId: table.id, message: `created table "${key}" from a query` });
}

function plainColumn(name: string, type: string, ctx: ReplayContext): Column {
  return { name, type, notNull: false, default: null, identity: null, generated: null, collation: null, created: ctx.origin, changes: [], previousTypes: [] };
}
