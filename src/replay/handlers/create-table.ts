import type { CreateForeignTableStmt, CreateStmt, Node, RangeVar } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type Column, type Table } from '../model.js';
import { notNullName } from '../not-null.js';
import { nameNewNotNulls } from '../constraint-names.js';
import { recordConstraintName } from '../constraint-names-used.js';
import { QuoteUtils } from 'pgsql-deparser';
import { expressionText, stringsOf } from '../sql-text.js';
import { applyDefaultPrivileges } from './grants.js';
import { applyStorageParameters } from './storage.js';
import { missingExtensionType } from '../extension-types.js';
import { persistenceOf } from '../persistence.js';
import { madeAt, type Reason } from '../reasons.js';
import { addColumn, addConstraintIndex, addConstraintWithIndex, columnConstraintNodes, dropDuplicateKeys, firstRejection, identitySequenceName } from './table-elements.js';

export function createTable(statement: CreateStmt, ctx: ReplayContext, foreign = false): void {
  const relation = statement.relation!;
  const name = relation.relname ?? '';
  const key = ctx.keyForCreate(relation.schemaname, name);
  const existing = ctx.schema.tables.get(key);
  if (existing) {
    const exists: Reason = { code: 'exists', kind: 'table', name: key, madeAt: madeAt(existing.created) };
    ctx.emit({
      action: statement.if_not_exists ? 'noop' : 'error',
      objectType: 'table',
      name: key,
      tableId: existing.id,
      reason: statement.if_not_exists ? { code: 'skipped', cause: exists, statement: 'CREATE TABLE IF NOT EXISTS' } : exists,
    });
    return;
  }
  if (ctx.relationExists(key)) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'table', name: key, reason: { code: 'exists', kind: 'relation', name: key } });
    return;
  }

  const constraintNodes = (statement.tableElts ?? []).flatMap((element) =>
    'ColumnDef' in element ? columnConstraintNodes(element.ColumnDef) : 'Constraint' in element ? [element.Constraint] : [],
  );
  const columnDefs = (statement.tableElts ?? []).flatMap((element) => ('ColumnDef' in element ? [element.ColumnDef] : []));
  const rejection =
    columnDefs.map((definition) => missingExtensionType(definition.typeName, ctx)).find((reason) => reason !== null) ??
    firstRejection(constraintNodes, ctx, { key, columns: statementColumns(statement, ctx), permanent: relation.relpersistence === 'p' }) ??
    (statement.partspec && relation.relpersistence === 'u' ? ({ code: 'invalid', text: 'partitioned tables cannot be unlogged' } as const) : null);
  if (rejection) {
    ctx.emit({ action: 'error', objectType: 'table', name: key, reason: { code: 'whole-statement', cause: rejection, consequence: `CREATE TABLE "${key}" fails as a whole: the table is not created` } });
    return;
  }

  const table = ctx.newTable(key, {
    partitionBy: statement.partspec ? partitionText(statement) : null,
    foreign,
    ...persistenceOf(statement.relation),
  });
  const storageParameters = applyStorageParameters([], statement.options);
  if (storageParameters.length > 0) table.storageParameters = storageParameters;
  const parents = (statement.inhRelations ?? []).flatMap((node) => ('RangeVar' in node ? [node.RangeVar] : []));
  for (const parent of parents) {
    const parentTable = ctx.findTable(parent.schemaname, parent.relname ?? '');
    if (!parentTable) {
      ctx.relationMissing(parent, 'table');
      return;
    }
    const parentKey = qualifiedName(parentTable.schema, parentTable.name);
    if (statement.partbound) {
      table.partitionOf = parentKey;
      table.partitionBound = boundText(statement.partbound);
    } else {
      table.inherits.push(parentKey);
    }
    for (const column of parentTable.columns) {
      if (table.columns.some((candidate) => candidate.name === column.name)) continue;
      // A partition shares its parent's identity sequence; an inheriting table gets no identity.
      const identitySequence = statement.partbound ? column.identitySequence : undefined;
      // A partition's NOT NULL names follow its parent's (not-null.ts); an INHERITS child's are copied.
      const notNullNameCopy = statement.partbound ? column.notNullName : (notNullName(ctx.schema, parentTable, column) ?? undefined);
      const copied: Column = { ...column, notNullName: notNullNameCopy, identity: statement.partbound ? column.identity : null, identitySequence, created: ctx.origin, changes: [], previousTypes: [] };
      if (notNullNameCopy) recordConstraintName(ctx.schema, notNullNameCopy);
      delete copied.notNullInherited;
      if (statement.partbound) delete copied.inherited;
      else {
        copied.inherited = true;
        if (copied.notNull) copied.notNullInherited = true;
      }
      table.columns.push(copied);
    }
    for (const constraint of parentTable.constraints) {
      if (constraint.kind !== 'check') continue;
      table.constraints.push({ ...constraint, created: ctx.origin });
      recordConstraintName(ctx.schema, constraint.name);
    }
  }
  if (statement.ofTypename) {
    const typeKey = ctx.findKey(ctx.schema.types, undefined, statement.ofTypename.names?.length ? lastName(statement.ofTypename.names) : '');
    const type = typeKey ? ctx.schema.types.get(typeKey) : undefined;
    for (const attribute of type?.attributes ?? []) {
      table.columns.push({ name: attribute.name, type: attribute.type, notNull: false, default: null, identity: null, generated: null, collation: null, created: ctx.origin, changes: [], previousTypes: [] });
    }
  }
  ctx.schema.tables.set(key, table);

  const tableConstraints = [];
  for (const element of statement.tableElts ?? []) {
    if ('ColumnDef' in element) addColumn(table, element.ColumnDef, ctx);
    else if ('Constraint' in element) tableConstraints.push(element.Constraint);
    else if ('TableLikeClause' in element) copyLike(table, element.TableLikeClause.relation, element.TableLikeClause.options ?? 0, ctx);
  }
  for (const constraint of tableConstraints) addConstraintWithIndex(table, constraint, ctx, null);
  dropDuplicateKeys(table, ctx);
  nameNewNotNulls(ctx.schema, table, table.columns);
  if (table.partitionOf) copyPartitionedIndexes(table, ctx);
  applyDefaultPrivileges(ctx, 'tables', table.schema, key, 'table');
  ctx.emit({ action: 'create', objectType: 'table', name: key, tableId: table.id, message: `created ${foreign ? 'foreign ' : ''}table "${key}"` });
}

/**
 * The columns the new table will have: its own, its parents', those LIKE copies and those of
 * its OF type; null when one of those sources is unknown to the model.
 */
function statementColumns(statement: CreateStmt, ctx: ReplayContext): Set<string> | null {
  const columns = new Set<string>();
  const sources = [
    ...(statement.inhRelations ?? []).flatMap((node) => ('RangeVar' in node ? [node.RangeVar] : [])),
    ...(statement.tableElts ?? []).flatMap((element) => ('TableLikeClause' in element && element.TableLikeClause.relation ? [element.TableLikeClause.relation] : [])),
  ];
  for (const source of sources) {
    const table = ctx.findTable(source.schemaname, source.relname ?? '');
    if (!table) return null;
    for (const column of table.columns) columns.add(column.name);
  }
  if (statement.ofTypename) return null;
  for (const element of statement.tableElts ?? []) if ('ColumnDef' in element) columns.add(element.ColumnDef.colname ?? '');
  return columns;
}

/** CREATE FOREIGN TABLE: a table whose rows live elsewhere; its columns are modelled the same way. */
export function createForeignTable(statement: CreateForeignTableStmt, ctx: ReplayContext): void {
  if (statement.base) createTable(statement.base, ctx, true);
}

function lastName(names: Node[]): string {
  const last = names[names.length - 1];
  return last && 'String' in last ? (last.String.sval ?? '') : '';
}

/** LIKE copies columns (with defaults, constraints, indexes only when asked: options bits). */
function copyLike(table: Table, relation: RangeVar | undefined, options: number, ctx: ReplayContext): void {
  const source = relation ? ctx.findTable(relation.schemaname, relation.relname ?? '') : null;
  if (!source) return;
  const INCLUDING_DEFAULTS = 1 << 3;
  const INCLUDING_IDENTITY = 1 << 5;
  const all = options === 0x7fffffff;
  for (const column of source.columns) {
    const identity = all || options & INCLUDING_IDENTITY ? column.identity : null;
    // LIKE copies NOT NULL constraints under their names, whatever the options.
    const copiedNotNullName = notNullName(ctx.schema, source, column) ?? undefined;
    if (copiedNotNullName) recordConstraintName(ctx.schema, copiedNotNullName);
    table.columns.push({
      ...column,
      notNullName: copiedNotNullName,
      default: all || options & INCLUDING_DEFAULTS ? column.default : null,
      identity,
      identitySequence: identity ? identitySequenceName(table, column.name, undefined, ctx) : undefined,
      generated: null,
      created: ctx.origin,
      changes: [],
      previousTypes: [],
    });
  }
}

/** A partition gets a copy of each index of its partitioned parent (named as PostgreSQL does). */
export function copyPartitionedIndexes(table: Table, ctx: ReplayContext): void {
  const parentKey = table.partitionOf!;
  const tableKey = qualifiedName(table.schema, table.name);
  const parent = ctx.schema.tables.get(parentKey);
  for (const constraint of parent?.constraints ?? []) {
    if (constraint.kind !== 'primary key' && constraint.kind !== 'unique') continue;
    if (table.constraints.some((candidate) => candidate.kind === constraint.kind && candidate.columns.join() === constraint.columns.join())) continue;
    const name = `${table.name}_${constraint.kind === 'primary key' ? 'pkey' : `${constraint.columns.join('_')}_key`}`;
    const copy = { ...constraint, name, created: ctx.origin };
    table.constraints.push(copy);
    recordConstraintName(ctx.schema, name);
    // The partition's index gets the parent index's storage parameters (generateClonedIndexStmt).
    const parentIndex = parent && ctx.schema.indexes.get(qualifiedName(parent.schema, constraint.name));
    addConstraintIndex(table, copy, ctx, parentIndex?.storageParameters ?? []);
  }
  for (const index of [...ctx.schema.indexes.values()]) {
    if (index.table !== parentKey || index.constraint) continue;
    const keys = index.keys.map((keyText) => (/^[a-z_][a-z0-9_]*$/.test(keyText) ? keyText : 'expr'));
    let name = `${table.name}_${keys.join('_')}_idx`;
    for (let n = 1; ctx.relationExists(qualifiedName(table.schema, name)); n++) name = `${table.name}_${keys.join('_')}_idx${n}`;
    ctx.schema.indexes.set(qualifiedName(table.schema, name), { ...index, schema: table.schema, name, table: tableKey, created: ctx.origin });
  }
}

export function boundText(bound: NonNullable<CreateStmt['partbound']>): string {
  if (bound.is_default) return 'DEFAULT';
  const list = (nodes: Node[] | undefined) => (nodes ?? []).map(expressionText).join(', ');
  switch (bound.strategy) {
    case 'l':
      return `FOR VALUES IN (${list(bound.listdatums)})`;
    case 'r':
      return `FOR VALUES FROM (${list(bound.lowerdatums)}) TO (${list(bound.upperdatums)})`;
    case 'h':
      return `FOR VALUES WITH (modulus ${bound.modulus ?? 0}, remainder ${bound.remainder ?? 0})`;
    default:
      return 'FOR VALUES';
  }
}

/** `RANGE ("createdAt")`: the key as PARTITION BY takes it again, names quoted where PostgreSQL needs it. */
function partitionText(statement: CreateStmt): string {
  const spec = statement.partspec!;
  const keys = (spec.partParams ?? []).map((param) => {
    if (!('PartitionElem' in param)) return '';
    const element = param.PartitionElem;
    const key = element.name !== undefined ? QuoteUtils.quoteIdentifier(element.name) : element.expr ? `(${expressionText(element.expr)})` : '';
    const collation = element.collation?.length ? ` COLLATE ${stringsOf(element.collation).map(QuoteUtils.quoteIdentifier).join('.')}` : '';
    const opclass = element.opclass?.length ? ` ${stringsOf(element.opclass).map(QuoteUtils.quoteIdentifier).join('.')}` : '';
    return `${key}${collation}${opclass}`;
  });
  const strategy = String(spec.strategy ?? '').replace('PARTITION_STRATEGY_', '');
  return `${strategy} (${keys.join(', ')})`;
}
