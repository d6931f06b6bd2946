/** CREATE TABLE text for one modelled table, columns in the order PostgreSQL keeps them. */
import type { Column, Constraint, Table } from '../replay/model.js';
import { serialType } from './sequences.js';
import { columnList, ident, qualified, qualifiedKey } from './sql.js';

function columnDefinition(table: Table, column: Column): string {
  const serial = serialType(table, column);
  const parts = [ident(column.name), serial ?? column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation.split('.').map(ident).join('.')}`);
  if (column.identity) parts.push(`GENERATED ${column.identity.toUpperCase()} AS IDENTITY`);
  if (column.generated !== null) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.default !== null && !serial) parts.push(`DEFAULT ${column.default}`);
  if (column.notNull && !serial && !column.identity) parts.push('NOT NULL');
  return parts.join(' ');
}

/** The constraint's definition after `CONSTRAINT name`; null when the model cannot write it. */
export function constraintDefinition(constraint: Constraint): string | null {
  switch (constraint.kind) {
    case 'primary key':
      return `PRIMARY KEY (${columnList(constraint.columns)})`;
    case 'unique':
      return `UNIQUE (${columnList(constraint.columns)})`;
    case 'check':
      return constraint.expression === null ? null : `CHECK (${constraint.expression})`;
    case 'foreign key': {
      const target = constraint.references;
      if (!target) return null;
      const targetColumns = target.columns.length > 0 ? ` (${columnList(target.columns)})` : '';
      const actions = [
        target.onUpdate && target.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${target.onUpdate}` : '',
        target.onDelete && target.onDelete !== 'NO ACTION' ? ` ON DELETE ${target.onDelete}` : '',
      ].join('');
      return `FOREIGN KEY (${columnList(constraint.columns)}) REFERENCES ${qualifiedKey(target.table)}${targetColumns}${actions}`;
    }
    case 'exclude':
      return null;
  }
}

export function createTable(table: Table, inlineConstraints: Constraint[]): string {
  const lines = table.columns.map((column) => columnDefinition(table, column));
  for (const constraint of inlineConstraints) {
    const definition = constraintDefinition(constraint);
    if (definition) lines.push(`CONSTRAINT ${ident(constraint.name)} ${definition}`);
  }
  const partition = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  const body = lines.length > 0 ? `(\n${lines.map((line) => `  ${line}`).join(',\n')}\n)` : '()';
  return `CREATE TABLE ${qualified(table.schema, table.name)} ${body}${partition};`;
}

export function addConstraint(table: Table, constraint: Constraint): string | null {
  const definition = constraintDefinition(constraint);
  if (!definition) return null;
  return `ALTER TABLE ${qualified(table.schema, table.name)}\n  ADD CONSTRAINT ${ident(constraint.name)} ${definition};`;
}
