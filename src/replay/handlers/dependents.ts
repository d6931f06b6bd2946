/**
 * What goes with an object when it is dropped or renamed: the indexes, constraints, views,
 * sequences, triggers, policies and grants that name it, here and in other objects.
 */
import { QuoteUtils } from 'pgsql-deparser';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type SchemaModel, type Table } from '../model.js';
import { expressionUsesColumn, renameColumnInExpression, renameColumnInQuery, renameRelationInExpression, renameRelationInQuery, unqualifyColumns } from '../rewrite.js';
import { renameGrantObject } from './grants.js';
import { renameSequenceArguments } from '../object-references.js';
import { rewriteStoredSql } from '../stored-sql.js';
import { renameColumnInExclusion } from './table-elements.js';

export function dropConstraint(schema: SchemaModel, table: Table, name: string): void {
  table.constraints = table.constraints.filter((constraint) => constraint.name !== name);
  for (const [key, index] of schema.indexes) {
    if (index.constraint === name && index.table === qualifiedName(table.schema, table.name)) schema.indexes.delete(key);
  }
}

/**
 * PostgreSQL drops the constraints and indexes that involve the column with it (a key column, an
 * INCLUDE column, or a mention in a key expression or the predicate); so does the model.
 */
export function dropColumnDependents(schema: SchemaModel, table: Table, column: string): void {
  const tableKey = qualifiedName(table.schema, table.name);
  for (const constraint of [...table.constraints]) {
    if (constraint.columns.includes(column)) dropConstraint(schema, table, constraint.name);
  }
  const mentions = (expression: string | null) => expression !== null && expressionUsesColumn(expression, table.name, column);
  for (const [key, index] of schema.indexes) {
    if (index.table !== tableKey) continue;
    const expressionKeys = index.keys.filter((_, position) => index.keySql[position]?.startsWith('('));
    if (index.keys.includes(column) || index.include.includes(column) || expressionKeys.some(mentions) || mentions(index.where)) schema.indexes.delete(key);
  }
  for (const [key, sequence] of schema.sequences) {
    if (sequence.ownedBy?.table === tableKey && sequence.ownedBy.column === column) schema.sequences.delete(key);
  }
  for (const [key, statistics] of schema.statistics) {
    if (statistics.table === tableKey && statistics.targets.some((target) => statisticsTargetUses(target, table.name, column))) schema.statistics.delete(key);
  }
  schema.grants = schema.grants.filter((grant) => !(grant.object === tableKey && grant.column === column));
}

/** Views that read `key`, directly or through other views, nearest first. */
export function dependentViews(schema: SchemaModel, key: string): string[] {
  const found: string[] = [];
  const visit = (target: string) => {
    for (const [viewKey, view] of schema.views) {
      if (view.dependsOn.includes(target) && !found.includes(viewKey)) {
        found.push(viewKey);
        visit(viewKey);
      }
    }
  };
  visit(key);
  return found;
}

/** Renames or moves a table or view, carrying every reference along. */
export function renameRelation(ctx: ReplayContext, oldKey: string, newKey: string): void {
  const schema = ctx.schema;
  const [newSchema, ...rest] = newKey.split('.');
  const table = schema.tables.get(oldKey);
  const view = schema.views.get(oldKey);
  const target = table ?? view;
  if (!target) return;
  target.schema = newSchema!;
  target.name = rest.join('.');
  if (table) {
    schema.tables.delete(oldKey);
    schema.tables.set(newKey, table);
  } else if (view) {
    schema.views.delete(oldKey);
    schema.views.set(newKey, view);
  }
  for (const index of schema.indexes.values()) if (index.table === oldKey) index.table = newKey;
  for (const statistics of schema.statistics.values()) if (statistics.table === oldKey) statistics.table = newKey;
  for (const other of schema.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === oldKey) constraint.references.table = newKey;
    }
    if (other.partitionOf === oldKey) other.partitionOf = newKey;
    other.inherits = other.inherits.map((parent) => (parent === oldKey ? newKey : parent));
  }
  const [oldSchema, ...oldRest] = oldKey.split('.');
  if (table) {
    const unqualified = (text: string | null) => (text === null ? null : unqualifyColumns(text, oldRest.join('.')));
    for (const policy of table.policies) {
      policy.using = unqualified(policy.using);
      policy.withCheck = unqualified(policy.withCheck);
    }
    for (const constraint of table.constraints) constraint.expression = unqualified(constraint.expression);
  }
  for (const other of schema.tables.values()) {
    for (const policy of other.policies) {
      const inPolicy = (text: string | null) => (text === null ? null : renameRelationInExpression(text, { schema: oldSchema!, name: oldRest.join('.') }, { schema: newSchema!, name: rest.join('.') }, other.schema));
      policy.using = inPolicy(policy.using);
      policy.withCheck = inPolicy(policy.withCheck);
    }
  }
  for (const other of schema.views.values()) {
    if (!other.dependsOn.includes(oldKey)) continue;
    other.query = renameRelationInQuery(other.query, { schema: oldSchema!, name: oldRest.join('.') }, { schema: newSchema!, name: rest.join('.') }, other.schema);
    other.dependsOn = other.dependsOn.map((key) => (key === oldKey ? newKey : key));
  }
  for (const sequence of schema.sequences.values()) if (sequence.ownedBy?.table === oldKey) sequence.ownedBy.table = newKey;
  for (const publication of schema.publications.values()) publication.tables = publication.tables.map((key) => (key === oldKey ? newKey : key));
  renameGrantObject(ctx, oldKey, newKey);
}

/** Whether a statistics target (a column, or `(expression)`) involves the column. */
function statisticsTargetUses(target: string, table: string, column: string): boolean {
  return target.startsWith('(') ? expressionUsesColumn(target.slice(1, -1), table, column) : target === QuoteUtils.quoteIdentifier(column);
}

export function renameColumn(schema: SchemaModel, table: Table, from: string, to: string): void {
  const tableKey = qualifiedName(table.schema, table.name);
  const rename = (names: string[]) => names.map((name) => (name === from ? to : name));
  for (const column of table.columns) if (column.name === from) column.name = to;
  for (const constraint of table.constraints) constraint.columns = rename(constraint.columns);
  const inExpression = (text: string | null) => (text === null ? null : renameColumnInExpression(text, table.name, from, to));
  for (const index of schema.indexes.values()) {
    if (index.table !== tableKey) continue;
    index.keySql = index.keySql.map((sql, position) => {
      const key = index.keys[position] ?? '';
      if (key === from && !sql.startsWith('(')) return QuoteUtils.quoteIdentifier(to) + sql.slice(QuoteUtils.quoteIdentifier(from).length);
      return sql.startsWith(`(${key})`) ? `(${inExpression(key)})${sql.slice(key.length + 2)}` : sql;
    });
    index.keys = index.keys.map((key, position) => (index.keySql[position]?.startsWith('(') ? inExpression(key)! : key === from ? to : key));
    index.include = rename(index.include);
    index.where = inExpression(index.where);
  }
  for (const statistics of schema.statistics.values()) {
    if (statistics.table !== tableKey) continue;
    statistics.targets = statistics.targets.map((target) =>
      target.startsWith('(') ? `(${inExpression(target.slice(1, -1))})` : target === QuoteUtils.quoteIdentifier(from) ? QuoteUtils.quoteIdentifier(to) : target,
    );
  }
  for (const other of schema.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === tableKey) constraint.references.columns = rename(constraint.references.columns);
    }
  }
  for (const sequence of schema.sequences.values()) {
    if (sequence.ownedBy?.table === tableKey && sequence.ownedBy.column === from) sequence.ownedBy.column = to;
  }
  for (const grant of schema.grants) if (grant.object === tableKey && grant.column === from) grant.column = to;
  for (const view of schema.views.values()) {
    if (view.dependsOn.includes(tableKey)) view.query = renameColumnInQuery(view.query, { schema: table.schema, name: table.name }, from, to, view.schema);
  }
  for (const policy of table.policies) {
    policy.using = inExpression(policy.using);
    policy.withCheck = inExpression(policy.withCheck);
  }
  for (const constraint of table.constraints) {
    constraint.expression =
      constraint.kind === 'exclude' && constraint.expression !== null ? renameColumnInExclusion(constraint.expression, from, to) : inExpression(constraint.expression);
  }
  for (const column of table.columns) column.generated = inExpression(column.generated);
}

/**
 * Stored expressions hold a sequence by oid (`nextval('s'::regclass)`), so they follow its rename
 * or move; they name it as PostgreSQL prints it: bare in `public`, qualified elsewhere.
 */
export function renameSequenceInDefaults(ctx: ReplayContext, oldKey: string, newKey: string): void {
  const objectName = (key: string) => ({ schema: key.slice(0, key.indexOf('.')), name: key.slice(key.indexOf('.') + 1) });
  rewriteStoredSql(ctx.schema, renameSequenceArguments(objectName(oldKey), objectName(newKey)));
}
