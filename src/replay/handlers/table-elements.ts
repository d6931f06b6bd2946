/**
 * Columns and constraints as CREATE TABLE and ALTER TABLE define them, named the way
 * PostgreSQL names what the user left unnamed.
 */
import type { ColumnDef, Constraint as ConstraintNode, Node } from 'libpg-query';
import { parseSync } from '../../parse/wasm.js';
import { QuoteUtils } from 'pgsql-deparser';
import type { ReplayContext } from '../context.js';
import { isPlatformRelation } from '../../presets.js';
import { applyDefaultPrivileges } from './grants.js';
import { applyStorageParameters } from './storage.js';
import { qualifiedName, type Column, type Constraint, type ConstraintKind, type ForeignKeyTarget, type Table } from '../model.js';
import type { Reason } from '../reasons.js';
import { SERIAL_TYPES, expressionText, formatType, stringsOf, typeBaseName } from '../sql-text.js';
import { keySql } from './create-index.js';
import { chooseName } from '../object-names.js';
import { constraintNameMayExist, recordConstraintName } from '../constraint-names-used.js';

const KIND_BY_CONTYPE: Partial<Record<string, ConstraintKind>> = {
  CONSTR_PRIMARY: 'primary key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreign key',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclude',
};

const SUFFIX_BY_KIND: Record<ConstraintKind, string> = {
  'primary key': 'pkey',
  unique: 'key',
  'foreign key': 'fkey',
  check: 'check',
  exclude: 'excl',
};

const FK_ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const MATCH_TYPES: Record<string, 'FULL' | 'PARTIAL'> = { f: 'FULL', p: 'PARTIAL' };

/**
 * Whether a generated constraint name is taken: PostgreSQL looks for a constraint of that name
 * anywhere in the schema, and for a constraint that makes an index, also for a relation.
 */
function constraintNameTaken(ctx: ReplayContext, table: Table, name: string, makesIndex: boolean): boolean {
  if (makesIndex && ctx.relationExists(qualifiedName(table.schema, name))) return true;
  if (constraintNameMayExist(ctx.schema, name)) {
    for (const other of ctx.schema.tables.values()) {
      if (other.schema === table.schema && other.constraints.some((constraint) => constraint.name === name)) return true;
    }
  }
  return [...ctx.schema.types.values()].some((type) => type.schema === table.schema && type.checks.some((check) => check.name === name));
}

/** Column names a CHECK expression mentions, in order of appearance, each once. */
function referencedColumns(node: Node | undefined): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if ('ColumnRef' in record) {
      const fields = (record.ColumnRef as { fields?: Node[] }).fields ?? [];
      const last = fields[fields.length - 1];
      const name = last && 'String' in last ? last.String.sval : undefined;
      if (name && !found.includes(name)) found.push(name);
    }
    Object.values(record).forEach(visit);
  };
  visit(node);
  return found;
}

/**
 * Adds a constraint to the table. `columnName` is set for a constraint written on a column.
 * Returns null for constraint kinds that only set column properties (NOT NULL, DEFAULT, ...).
 */
export function addConstraint(
  table: Table,
  node: ConstraintNode,
  ctx: ReplayContext,
  columnName: string | null,
): Constraint | null {
  if (node.contype === 'CONSTR_NOTNULL') {
    // `CONSTRAINT name NOT NULL column`, a table constraint since PostgreSQL 18.
    const column = table.columns.find((candidate) => candidate.name === (columnName ?? stringsOf(node.keys)[0]));
    if (column && !column.notNull) {
      column.notNull = true;
      if (node.conname) {
        column.notNullName = node.conname;
        recordConstraintName(ctx.schema, node.conname);
      }
    }
    return null;
  }
  const kind = KIND_BY_CONTYPE[node.contype ?? ''];
  if (!kind) return null;
  const columns =
    kind === 'foreign key'
      ? columnName
        ? [columnName]
        : stringsOf(node.fk_attrs)
      : kind === 'check'
        ? referencedColumns(node.raw_expr)
        : columnName
          ? [columnName]
          : kind === 'exclude'
            ? (node.exclusions ?? []).map((pair) => exclusionColumn(pair))
            : stringsOf(node.keys);
  // A CHECK is named after its column only when it reads exactly one (wherever it is written).
  const nameColumns = kind === 'check' && columns.length !== 1 ? [] : columns;
  const makesIndex = kind === 'primary key' || kind === 'unique' || kind === 'exclude';
  const name =
    node.conname ??
    chooseName(table.name, kind === 'primary key' ? [] : nameColumns, SUFFIX_BY_KIND[kind], (candidate) => constraintNameTaken(ctx, table, candidate, makesIndex));

  let references: ForeignKeyTarget | null = null;
  if (kind === 'foreign key' && node.pktable) {
    const target = ctx.findTable(node.pktable.schemaname, node.pktable.relname ?? '');
    const written = stringsOf(node.pk_attrs);
    // REFERENCES t without columns means t's primary key as it is now.
    references = {
      table: target
        ? qualifiedName(target.schema, target.name)
        : ctx.keyForCreate(node.pktable.schemaname, node.pktable.relname ?? ''),
      columns: written.length > 0 ? written : ((target && primaryKeyColumns(target)) ?? []),
      onDelete: FK_ACTIONS[node.fk_del_action ?? 'a'] ?? null,
      onUpdate: FK_ACTIONS[node.fk_upd_action ?? 'a'] ?? null,
    };
    const match = MATCH_TYPES[node.fk_matchtype ?? 's'];
    if (match) references.match = match;
  }
  const expression = kind === 'check' && node.raw_expr ? expressionText(node.raw_expr) : kind === 'exclude' ? exclusionText(node) : null;
  const constraint: Constraint = {
    name,
    kind,
    columns,
    references,
    expression,
    created: ctx.originOf(node.location),
  };
  if (node.deferrable || node.initdeferred) constraint.deferrable = true;
  if (kind === 'unique' && node.nulls_not_distinct) constraint.nullsNotDistinct = true;
  if (node.initdeferred) constraint.initiallyDeferred = true;
  // CREATE TABLE ignores NOT VALID (the new table has no rows to skip); ALTER TABLE keeps it.
  if (node.skip_validation && ctx.statement.kind === 'AlterTableStmt') constraint.notValid = true;
  table.constraints.push(constraint);
  recordConstraintName(ctx.schema, name);
  if (kind === 'primary key') {
    for (const column of table.columns) if (columns.includes(column.name)) column.notNull = true;
  }
  return constraint;
}

/** The columns of a table's primary key; null when it has none. */
function primaryKeyColumns(table: Table): string[] | null {
  return table.constraints.find((constraint) => constraint.kind === 'primary key')?.columns ?? null;
}

function containsSubquery(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsSubquery);
  return 'SubLink' in value || Object.values(value).some(containsSubquery);
}

/**
 * Whether the model knows every relation in the schema of `key`: public and the schemas the chain
 * created, but not one a platform fills (Supabase's `auth`), nor one it has never seen. (Within
 * such a schema, a name the chain never creates is still assumed made outside the folder.)
 */
export function holdsWholeSchema(ctx: ReplayContext, key: string): boolean {
  return ctx.schema.schemas.has(key.split('.')[0] ?? '') && !isPlatformRelation('supabase', key);
}

/** True when the columns are a primary key, a unique constraint or a plain unique index of the table. */
function isUniqueKey(table: Table, columns: string[], ctx: ReplayContext): boolean {
  const same = (candidate: string[]) => candidate.length === columns.length && candidate.every((column) => columns.includes(column));
  if (table.constraints.some((constraint) => (constraint.kind === 'primary key' || constraint.kind === 'unique') && same(constraint.columns))) return true;
  const key = qualifiedName(table.schema, table.name);
  return [...ctx.schema.indexes.values()].some((index) => index.table === key && index.unique && index.where === null && same(index.keys));
}

/** The table a constraint is checked against: its key, and its columns once the statement has run (null when unknown). */
export interface ConstraintTarget {
  key: string;
  columns: ReadonlySet<string> | null;
  /** Neither unlogged nor temporary: its foreign keys may reference only such tables. */
  permanent: boolean;
}

/** Column names (ColumnRef) in an expression: a bare `c`, or `t.c` (with the table's name). */
function columnReferences(node: Node | undefined): string[][] {
  const found: string[][] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if ('ColumnRef' in record) found.push(stringsOf((record.ColumnRef as { fields?: Node[] }).fields));
    Object.values(record).forEach(visit);
  };
  visit(node);
  return found;
}

/** Why PostgreSQL rejects a constraint naming a column the table does not have; null when all exist. */
function missingColumnRejection(node: ConstraintNode, target: ConstraintTarget): Reason | null {
  const columns = target.columns;
  if (!columns) return null;
  const tableName = target.key.slice(target.key.indexOf('.') + 1);
  if (node.contype === 'CONSTR_CHECK') {
    for (const fields of columnReferences(node.raw_expr)) {
      const column = fields[fields.length - 1]!;
      if (fields.length === 2 && fields[0] !== tableName) return { code: 'invalid', text: `missing FROM-clause entry for table "${fields[0]}"` };
      if (fields.length <= 2 && !columns.has(column)) return { code: 'missing', kind: 'column', name: column };
    }
    return null;
  }
  if (node.contype === 'CONSTR_FOREIGN') {
    const missing = stringsOf(node.fk_attrs).find((name) => !columns.has(name));
    return missing === undefined ? null : { code: 'missing', kind: 'column', name: missing, namedBy: 'referenced in foreign key constraint' };
  }
  if (node.contype === 'CONSTR_PRIMARY' || node.contype === 'CONSTR_UNIQUE') {
    const missing = stringsOf(node.keys).find((name) => !columns.has(name));
    return missing === undefined ? null : { code: 'missing', kind: 'column', name: missing, namedBy: 'named in key' };
  }
  return null;
}

/**
 * Why PostgreSQL rejects this constraint at this point of the chain (and with it the whole
 * statement that defines it); null when it accepts it. `target` is the table the constraint is
 * for: a foreign key to that same table is checked against the statement's own columns, which
 * the model does not hold yet, so it is accepted.
 */
export function constraintRejection(node: ConstraintNode, ctx: ReplayContext, target: ConstraintTarget): Reason | null {
  if (node.contype === 'CONSTR_CHECK' && containsSubquery(node.raw_expr)) return { code: 'invalid', text: 'cannot use subquery in check constraint' };
  const missingColumn = missingColumnRejection(node, target);
  if (missingColumn) return missingColumn;
  if (node.contype !== 'CONSTR_FOREIGN' || !node.pktable) return null;
  const relname = node.pktable.relname ?? '';
  const referenced = ctx.findTable(node.pktable.schemaname, relname);
  const key = referenced ? qualifiedName(referenced.schema, referenced.name) : ctx.keyForCreate(node.pktable.schemaname, relname);
  if (key === target.key) return null;
  if (!referenced) {
    if (ctx.relationExists(key)) return { code: 'wrong-kind', text: `referenced relation "${relname}" is not a table` };
    return holdsWholeSchema(ctx, key) && ctx.chainCreates.has(relname) ? { code: 'missing', kind: 'relation', name: key } : null;
  }
  if (target.permanent && referenced.unlogged) return { code: 'invalid', text: 'constraints on permanent tables may reference only permanent tables' };
  return referencedKeyRejection(node, referenced, relname, ctx);
}

function referencedKeyRejection(node: ConstraintNode, target: Table, relname: string, ctx: ReplayContext): Reason | null {
  const wanted = stringsOf(node.pk_attrs);
  if (wanted.length === 0) return primaryKeyColumns(target) ? null : { code: 'invalid', text: `there is no primary key for referenced table "${relname}"` };
  const missing = wanted.find((name) => !target.columns.some((column) => column.name === name));
  if (missing) return { code: 'missing', kind: 'column', name: missing, namedBy: 'referenced in foreign key constraint' };
  return isUniqueKey(target, wanted, ctx) ? null : { code: 'invalid', text: `there is no unique constraint matching given keys for referenced table "${relname}"` };
}

/** PostgreSQL's one primary key per table: `keepsOne` tells whether the table keeps one it already had. */
export function primaryKeyRejection(nodes: ConstraintNode[], keepsOne: boolean, tableName: string): Reason | null {
  const added = nodes.filter((node) => node.contype === 'CONSTR_PRIMARY').length;
  return added + (keepsOne ? 1 : 0) > 1 ? { code: 'invalid', text: `multiple primary keys for table "${tableName}" are not allowed` } : null;
}

/** The first reason PostgreSQL rejects one of the constraints, as `constraintRejection` tells it. */
export function firstRejection(nodes: ConstraintNode[], ctx: ReplayContext, target: ConstraintTarget): Reason | null {
  for (const node of nodes) {
    const rejection = constraintRejection(node, ctx, target);
    if (rejection) return rejection;
  }
  return null;
}

/** The constraints a column definition carries (REFERENCES, CHECK, UNIQUE, ...). */
export function columnConstraintNodes(definition: ColumnDef): ConstraintNode[] {
  return (definition.constraints ?? []).flatMap((item) => ('Constraint' in item ? [item.Constraint] : []));
}

/**
 * An EXCLUDE constraint after its keyword, as pg_get_constraintdef prints it:
 * `USING gist (room WITH =, during WITH &&) INCLUDE (note) WITH (fillfactor=70) WHERE (active)`.
 */
function exclusionText(node: ConstraintNode): string {
  const elements = (node.exclusions ?? []).map((pair) => {
    const [element, operator] = 'List' in pair ? (pair.List.items ?? []) : [];
    const names = operator && 'List' in operator ? stringsOf(operator.List.items) : [];
    const written = names.length > 1 ? `OPERATOR(${names.join('.')})` : (names[0] ?? '');
    return `${element ? keySql(element) : ''} WITH ${written}`;
  });
  const include = node.including?.length ? ` INCLUDE (${stringsOf(node.including).map((name) => QuoteUtils.quoteIdentifier(name)).join(', ')})` : '';
  const options = (node.options ?? []).flatMap((option) => ('DefElem' in option ? [`${option.DefElem.defname ?? ''}=${option.DefElem.arg ? expressionText(option.DefElem.arg) : ''}`] : []));
  const storage = options.length ? ` WITH (${options.join(', ')})` : '';
  const where = node.where_clause ? ` WHERE (${expressionText(node.where_clause)})` : '';
  return `USING ${node.access_method ?? 'gist'} (${elements.join(', ')})${include}${storage}${where}`;
}

/** An EXCLUDE definition (exclusionText) after one of its table's columns was renamed; unchanged if it does not parse. */
export function renameColumnInExclusion(text: string, from: string, to: string): string {
  let node: ConstraintNode | undefined;
  try {
    const statement = parseSync(`ALTER TABLE t ADD EXCLUDE ${text}`).stmts?.[0]?.stmt;
    const command = statement && 'AlterTableStmt' in statement ? statement.AlterTableStmt.cmds?.[0] : undefined;
    const definition = command && 'AlterTableCmd' in command ? command.AlterTableCmd.def : undefined;
    node = definition && 'Constraint' in definition ? definition.Constraint : undefined;
  } catch {
    return text;
  }
  if (!node) return text;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    const element = record.IndexElem as { name?: string } | undefined;
    if (element?.name === from) element.name = to;
    const fields = (record.ColumnRef as { fields?: Node[] } | undefined)?.fields;
    const last = fields?.[fields.length - 1];
    if (fields?.length === 1 && last && 'String' in last && last.String.sval === from) last.String.sval = to;
    Object.values(record).forEach(visit);
  };
  visit(node);
  node.including = node.including?.map((name) => ('String' in name && name.String.sval === from ? { String: { sval: to } } : name));
  return exclusionText(node);
}

function exclusionColumn(pair: Node): string {
  const element = 'List' in pair ? pair.List.items?.[0] : undefined;
  if (element && 'IndexElem' in element) {
    const indexElem = element.IndexElem;
    return indexElem.name ?? (indexElem.expr ? expressionText(indexElem.expr) : '');
  }
  return '';
}

/** The sequence a new identity column gets: SEQUENCE NAME when given, else `<table>_<column>_seq` as PostgreSQL chooses it. */
export function identitySequenceName(table: Table, column: string, options: Node[] | undefined, ctx: ReplayContext): string {
  for (const option of options ?? []) {
    if (!('DefElem' in option) || option.DefElem.defname !== 'sequence_name') continue;
    const arg = option.DefElem.arg;
    const written = arg && 'List' in arg ? stringsOf(arg.List.items) : [];
    if (written.length > 0) return written[written.length - 1]!;
  }
  return chooseName(table.name, [column], 'seq', (candidate) => ctx.relationExists(qualifiedName(table.schema, candidate)));
}

/** Builds a column from its definition; constraints other than column properties are returned. */
export function buildColumn(
  table: Table,
  definition: ColumnDef,
  ctx: ReplayContext,
): { column: Column; constraints: ConstraintNode[] } {
  const typeName = definition.typeName;
  const base = typeName ? typeBaseName(typeName) : '';
  const name = definition.colname ?? '';
  const column: Column = {
    name,
    type: typeName ? formatType(ctx.qualifyType(typeName)) : 'unknown',
    notNull: Boolean(definition.is_not_null),
    default: definition.raw_default ? expressionText(definition.raw_default) : null,
    identity: null,
    generated: null,
    collation: definition.collClause ? stringsOf(definition.collClause.collname).join('.') : null,
    created: ctx.originOf(definition.location),
    changes: [],
    previousTypes: [],
  };
  if (typeName && SERIAL_TYPES[base] && stringsOf(typeName.names).length === 1) {
    const sequence = chooseName(table.name, [name], 'seq', (candidate) => ctx.relationExists(qualifiedName(table.schema, candidate)));
    column.notNull = true;
    column.default = `nextval('${table.schema === 'public' ? '' : `${table.schema}.`}${sequence}'::regclass)`;
    ctx.schema.sequences.set(qualifiedName(table.schema, sequence), {
      schema: table.schema,
      name: sequence,
      dataType: SERIAL_TYPES[base]!,
      options: {},
      ownedBy: { table: qualifiedName(table.schema, table.name), column: name },
      owner: null,
      comment: null,
      created: ctx.origin,
      changes: [],
      ...(table.unlogged ? { unlogged: true } : {}),
    });
    applyDefaultPrivileges(ctx, 'sequences', table.schema, qualifiedName(table.schema, sequence), 'sequence');
  }
  const remaining: ConstraintNode[] = [];
  for (const item of definition.constraints ?? []) {
    if (!('Constraint' in item)) continue;
    const constraint = item.Constraint;
    switch (constraint.contype) {
      case 'CONSTR_NOTNULL':
        column.notNull = true;
        if (constraint.conname) {
          column.notNullName = constraint.conname;
          recordConstraintName(ctx.schema, constraint.conname);
        }
        break;
      case 'CONSTR_NULL':
        column.notNull = false;
        break;
      case 'CONSTR_DEFAULT':
        column.default = constraint.raw_expr ? expressionText(constraint.raw_expr) : null;
        break;
      case 'CONSTR_IDENTITY':
        column.identity = constraint.generated_when === 'a' ? 'always' : 'by default';
        column.identitySequence = identitySequenceName(table, column.name, constraint.options, ctx);
        column.notNull = true;
        break;
      case 'CONSTR_GENERATED':
        column.generated = constraint.raw_expr ? expressionText(constraint.raw_expr) : '';
        break;
      case 'CONSTR_ATTR_DEFERRABLE':
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
      case 'CONSTR_ATTR_DEFERRED':
      case 'CONSTR_ATTR_IMMEDIATE': {
        // Written after the constraint they qualify (`REFERENCES t DEFERRABLE`).
        const previous = remaining[remaining.length - 1];
        if (!previous) break;
        if (constraint.contype === 'CONSTR_ATTR_DEFERRABLE') previous.deferrable = true;
        if (constraint.contype === 'CONSTR_ATTR_NOT_DEFERRABLE') previous.deferrable = false;
        if (constraint.contype === 'CONSTR_ATTR_DEFERRED') previous.initdeferred = true;
        if (constraint.contype === 'CONSTR_ATTR_IMMEDIATE') previous.initdeferred = false;
        break;
      }
      default:
        remaining.push({ ...constraint });
    }
  }
  return { column, constraints: remaining };
}

/**
 * Adds a column and the constraints written on it (PRIMARY KEY, REFERENCES, CHECK, UNIQUE).
 * A definition without a type (`col WITH OPTIONS NOT NULL` in PARTITION OF or OF type) adds
 * options to the inherited column of that name instead, and so does a column CREATE TABLE ...
 * INHERITS declares again (merged with the parent's, a NOT NULL written there named as its own).
 */
export function addColumn(table: Table, definition: ColumnDef, ctx: ReplayContext): Column {
  const { column, constraints } = buildColumn(table, definition, ctx);
  const redeclared = Boolean(definition.typeName) && table.inherits.length > 0 && ctx.statement.kind === 'CreateStmt';
  const inherited = definition.typeName && !redeclared ? undefined : table.columns.find((candidate) => candidate.name === column.name);
  if (inherited) {
    // A column CREATE TABLE declares again after INHERITS brought it is the table's own too (attislocal).
    if (redeclared) delete inherited.inherited;
    if (redeclared && column.notNull) {
      inherited.notNullName = column.notNullName;
      delete inherited.notNullInherited;
    }
    inherited.notNull ||= column.notNull;
    inherited.default = column.default ?? inherited.default;
    for (const constraint of constraints) addConstraintWithIndex(table, constraint, ctx, inherited.name);
    return inherited;
  }
  table.columns.push(column);
  for (const constraint of constraints) addConstraintWithIndex(table, constraint, ctx, column.name);
  return column;
}

/**
 * CREATE TABLE keeps one index per key: a UNIQUE on the primary key's columns (`key text
 * PRIMARY KEY UNIQUE`), or a second UNIQUE on the same columns, is dropped, as PostgreSQL's
 * transformIndexConstraints does (the primary key first, then in order).
 */
export function dropDuplicateKeys(table: Table, ctx: ReplayContext): void {
  const keys = table.constraints.filter((constraint) => constraint.kind === 'primary key' || constraint.kind === 'unique');
  const kept = keys.filter((constraint) => constraint.kind === 'primary key');
  for (const constraint of keys) {
    if (constraint.kind === 'primary key') continue;
    const duplicate = kept.some(
      (prior) =>
        prior.columns.join('\u0000') === constraint.columns.join('\u0000') &&
        Boolean(prior.deferrable) === Boolean(constraint.deferrable) &&
        Boolean(prior.initiallyDeferred) === Boolean(constraint.initiallyDeferred),
    );
    if (!duplicate) {
      kept.push(constraint);
      continue;
    }
    table.constraints = table.constraints.filter((candidate) => candidate !== constraint);
    ctx.schema.indexes.delete(qualifiedName(table.schema, constraint.name));
  }
}

/** Whether PostgreSQL builds an index of the constraint's name for it (PRIMARY KEY, UNIQUE, EXCLUDE). */
function hasIndex(constraint: Constraint): boolean {
  return constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'exclude';
}

/**
 * addConstraint, then the index behind a PRIMARY KEY, UNIQUE or EXCLUDE constraint with the
 * storage parameters written for it (`PRIMARY KEY (id) WITH (fillfactor = 70)`).
 */
export function addConstraintWithIndex(table: Table, node: ConstraintNode, ctx: ReplayContext, columnName: string | null): Constraint | null {
  const added = addConstraint(table, node, ctx, columnName);
  if (added && hasIndex(added)) addConstraintIndex(table, added, ctx, applyStorageParameters([], node.options));
  return added;
}

/** The index of the same name behind a PRIMARY KEY, UNIQUE or EXCLUDE constraint. */
export function addConstraintIndex(table: Table, constraint: Constraint, ctx: ReplayContext, storageParameters: string[]): void {
  const key = qualifiedName(table.schema, constraint.name);
  const exclusion = constraint.kind === 'exclude';
  ctx.schema.indexes.set(key, {
    schema: table.schema,
    name: constraint.name,
    table: qualifiedName(table.schema, table.name),
    unique: !exclusion,
    // An exclusion's text starts with `USING <method>` (exclusionText).
    method: exclusion ? (constraint.expression?.match(/^USING (\S+)/)?.[1] ?? 'gist') : 'btree',
    keys: [...constraint.columns],
    keySql: constraint.columns.map((name) => QuoteUtils.quoteIdentifier(name)),
    include: [],
    where: null,
    constraint: constraint.name,
    created: constraint.created,
    ...(constraint.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...(storageParameters.length > 0 ? { storageParameters } : {}),
  });
}
