/**
 * Sequences behind column defaults. The model does not keep sequences yet, so they are read
 * off the defaults: `nextval('<table>_<column>_seq'::regclass)` on an integer column is what
 * `serial` made, and is written back as `serial`; any other `nextval('<name>')` default whose
 * sequence no carried statement creates gets a CREATE SEQUENCE and, after the tables, an
 * OWNED BY like the one serial gave it.
 */
import type { Column, SchemaModel, Table } from '../replay/model.js';
import { ident, qualified, qualifiedKey } from './sql.js';

const SERIAL_BY_TYPE: Record<string, string> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' };
const NEXTVAL = /^nextval\('((?:[^']|'')+)'::regclass\)$/;

export interface ImpliedSequence {
  /** `schema.name` as written in the default, qualified with the table's schema when bare. */
  key: string;
  type: string;
  table: Table;
  column: Column;
}

function sequenceKey(table: Table, column: Column): string | null {
  const match = column.default === null ? null : NEXTVAL.exec(column.default);
  if (!match) return null;
  const name = match[1]!.replace(/''/g, "'").replace(/"/g, '');
  return name.includes('.') ? name : `${table.schema}.${name}`;
}

/** The serial pseudo-type that reproduces this column, or null. */
export function serialType(table: Table, column: Column): string | null {
  const serial = SERIAL_BY_TYPE[column.type];
  if (!serial || column.identity || column.generated) return null;
  return sequenceKey(table, column) === `${table.schema}.${table.name}_${column.name}_seq` ? serial : null;
}

/** Sequences that defaults need and that neither serial nor a carried statement creates. */
export function impliedSequences(schema: SchemaModel, createdByStatements: (key: string) => boolean): ImpliedSequence[] {
  const found: ImpliedSequence[] = [];
  for (const table of schema.tables.values()) {
    for (const column of table.columns) {
      const key = sequenceKey(table, column);
      if (!key || serialType(table, column) || createdByStatements(key)) continue;
      if (found.some((sequence) => sequence.key === key)) continue;
      found.push({ key, type: column.type in SERIAL_BY_TYPE ? column.type : 'bigint', table, column });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

export function createSequence(sequence: ImpliedSequence): string {
  const type = sequence.type === 'bigint' ? '' : ` AS ${sequence.type}`;
  return `CREATE SEQUENCE ${qualifiedKey(sequence.key)}${type};`;
}

export function ownSequence(sequence: ImpliedSequence): string {
  const { table, column } = sequence;
  return `ALTER SEQUENCE ${qualifiedKey(sequence.key)} OWNED BY ${qualified(table.schema, table.name)}.${ident(column.name)};`;
}
