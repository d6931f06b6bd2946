/** CREATE TABLE text for one modelled table, columns in the order PostgreSQL keeps them. */
import { qualifiedName, type Column, type Constraint, type SchemaModel, type Table } from '../replay/model.js';
import { constraintNameCounts } from '../replay/constraint-names.js';
import { notNullName, plainNotNullName } from '../replay/not-null.js';
import { serialType } from './sequences.js';
import { columnList, ident, literal, persistence, qualified, qualifiedKey } from './sql.js';

function columnDefinition(schema: SchemaModel, table: Table, column: Column): string {
  const serial = serialType(schema, table, column);
  const parts = [ident(column.name), serial ?? column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation.split('.').map(ident).join('.')}`);
  if (column.identity) parts.push(`GENERATED ${column.identity.toUpperCase()} AS IDENTITY${identityOptions(table, column)}`);
  if (column.generated !== null) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.default !== null && !serial) parts.push(`DEFAULT ${defaultExpression(column.default)}`);
  // An inherited NOT NULL comes with INHERITS; writing it would make it the table's own too.
  if (column.notNullInherited) return parts.join(' ');
  const notNull = notNullName(schema, table, column);
  if (notNull !== null && !plainNameGivesIt(schema, table, column, notNull)) parts.push(`CONSTRAINT ${ident(notNull)} NOT NULL`);
  else if (column.notNull && !serial && !column.identity) parts.push('NOT NULL');
  return parts.join(' ');
}

const nameCounts = new WeakMap<SchemaModel, Map<string, Map<string, number>>>();

/**
 * Whether a plain NOT NULL in the baseline's CREATE TABLE gets the name `name`: it is the plain
 * `<table>_<column>_not_null` and no other constraint in the schema has it (whatever the order
 * the baseline makes them in).
 */
function plainNameGivesIt(schema: SchemaModel, table: Table, column: Column, name: string): boolean {
  if (name !== plainNotNullName(table, column.name)) return false;
  const bySchema = nameCounts.get(schema) ?? new Map<string, Map<string, number>>();
  nameCounts.set(schema, bySchema);
  const counts = bySchema.get(table.schema) ?? constraintNameCounts(schema, table.schema);
  bySchema.set(table.schema, counts);
  return (counts.get(name) ?? 0) <= 1;
}

/** SEQUENCE NAME when the identity's sequence is not the `<table>_<column>_seq` the baseline's CREATE TABLE would make (the table was renamed since). */
function identityOptions(table: Table, column: Column): string {
  const sequence = column.identitySequence;
  return sequence && sequence !== `${table.name}_${column.name}_seq` ? ` (SEQUENCE NAME ${qualified(table.schema, sequence)})` : '';
}

/**
 * DEFAULT takes a restricted expression (b_expr): AT TIME ZONE, AND/OR/NOT, IS, LIKE, BETWEEN,
 * IN and COLLATE need parentheses there (`DEFAULT (now() AT TIME ZONE 'utc')`).
 */
export function defaultExpression(text: string): string {
  const outsideLiterals = text.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  return /\b(AT\s+TIME\s+ZONE|AND|OR|NOT|IS|LIKE|ILIKE|SIMILAR|BETWEEN|IN|COLLATE)\b/i.test(outsideLiterals) ? `(${text})` : text;
}

/** The constraint's definition after `CONSTRAINT name`; null when the model cannot write it. */
export function constraintDefinition(schema: SchemaModel, table: Table, constraint: Constraint): string | null {
  // An EXCLUDE's text carries its own WITH (...); a key's storage parameters are its index's.
  const keyStorage = () => storageClause(schema.indexes.get(qualifiedName(table.schema, constraint.name))?.storageParameters);
  switch (constraint.kind) {
    case 'primary key':
      return `PRIMARY KEY (${columnList(constraint.columns)})${keyStorage()}${attributes(constraint)}`;
    case 'unique':
      return `UNIQUE${constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(constraint.columns)})${keyStorage()}${attributes(constraint)}`;
    case 'check':
      return constraint.expression === null ? null : `CHECK (${constraint.expression})${attributes(constraint)}`;
    case 'foreign key': {
      const target = constraint.references;
      if (!target) return null;
      const targetColumns = target.columns.length > 0 ? ` (${columnList(target.columns)})` : '';
      const actions = [
        target.match ? ` MATCH ${target.match}` : '',
        target.onUpdate && target.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${target.onUpdate}` : '',
        target.onDelete && target.onDelete !== 'NO ACTION' ? ` ON DELETE ${target.onDelete}` : '',
      ].join('');
      return `FOREIGN KEY (${columnList(constraint.columns)}) REFERENCES ${qualifiedKey(target.table)}${targetColumns}${actions}${attributes(constraint)}`;
    }
    case 'exclude':
      return constraint.expression === null ? null : `EXCLUDE ${constraint.expression}${attributes(constraint)}`;
  }
}

/** DEFERRABLE, INITIALLY DEFERRED and NOT VALID, in the order pg_get_constraintdef prints them. */
function attributes(constraint: Constraint): string {
  return [constraint.deferrable ? ' DEFERRABLE' : '', constraint.initiallyDeferred ? ' INITIALLY DEFERRED' : '', constraint.notValid ? ' NOT VALID' : ''].join('');
}

/** ` WITH (name='value', ...)`: storage parameters (of a table or an index) as pg_class.reloptions holds them. */
export function storageClause(parameters: string[] = []): string {
  if (parameters.length === 0) return '';
  return ` WITH (${parameters.map((entry) => `${entry.slice(0, entry.indexOf('='))}=${literal(entry.slice(entry.indexOf('=') + 1))}`).join(', ')})`;
}

export function createTable(schema: SchemaModel, table: Table, inlineConstraints: Constraint[]): string {
  const name = qualified(table.schema, table.name);
  const parent = table.partitionOf ? schema.tables.get(table.partitionOf) : undefined;
  if (parent && table.partitionBound) {
    // A partition takes its columns, keys and foreign keys from its parent; only its own
    // constraints are written.
    const inherited = (constraint: Constraint) =>
      constraint.kind === 'foreign key' ||
      parent.constraints.some(
        (candidate) =>
          candidate.name === constraint.name ||
          (candidate.kind === constraint.kind && candidate.kind !== 'check' && candidate.columns.join() === constraint.columns.join()),
      );
    const own = inlineConstraints.filter((constraint) => !inherited(constraint));
    const lines = own.map((constraint) => `CONSTRAINT ${ident(constraint.name)} ${constraintDefinition(schema, table, constraint) ?? ''}`);
    // A table attached as a partition keeps its own NOT NULL names; a new partition takes the parent's.
    for (const column of table.columns) {
      const kept = column.notNullName;
      const inherited = parent.columns.find((candidate) => candidate.name === column.name);
      if (kept && inherited && kept !== notNullName(schema, parent, inherited)) lines.push(`CONSTRAINT ${ident(kept)} NOT NULL ${ident(column.name)}`);
    }
    const body = lines.length > 0 ? ` (\n${lines.map((line) => `  ${line}`).join(',\n')}\n)` : '';
    const partition = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
    return `CREATE ${persistence(table)}TABLE ${name} PARTITION OF ${qualifiedKey(parent.schema + '.' + parent.name)}${body} ${table.partitionBound}${partition}${storageClause(table.storageParameters)};`;
  }
  // A column that comes only from INHERITS parents is theirs: declaring it would make it the table's own too.
  const lines = table.columns.filter((column) => !column.inherited).map((column) => columnDefinition(schema, table, column));
  for (const constraint of inlineConstraints) {
    const definition = constraintDefinition(schema, table, constraint);
    if (definition) lines.push(`CONSTRAINT ${ident(constraint.name)} ${definition}`);
  }
  const inherits = table.inherits.length > 0 ? ` INHERITS (${table.inherits.map(qualifiedKey).join(', ')})` : '';
  const partition = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  const body = lines.length > 0 ? `(\n${lines.map((line) => `  ${line}`).join(',\n')}\n)` : '()';
  return `CREATE ${persistence(table)}TABLE ${name} ${body}${inherits}${partition}${storageClause(table.storageParameters)};`;
}

export function addConstraint(schema: SchemaModel, table: Table, constraint: Constraint): string | null {
  const definition = constraintDefinition(schema, table, constraint);
  if (!definition) return null;
  return `ALTER TABLE ${qualified(table.schema, table.name)}\n  ADD CONSTRAINT ${ident(constraint.name)} ${definition};`;
}
