/**
 * Which sequences `serial` makes. A column whose default is `nextval('<table>_<column>_seq')`,
 * owned by that column, with the sequence's default options, is written back as `serial`, and
 * its sequence is not written separately.
 */
import type { Column, SchemaModel, Sequence, Table } from '../replay/model.js';

const SERIAL_BY_TYPE: Record<string, string> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' };
const NEXTVAL = /^nextval\('((?:[^']|'')+)'::regclass\)$/;

function defaultSequenceKey(table: Table, column: Column): string | null {
  const match = column.default === null ? null : NEXTVAL.exec(column.default);
  if (!match) return null;
  const name = match[1]!.replace(/''/g, "'").replace(/"/g, '');
  return name.includes('.') ? name : `${table.schema}.${name}`;
}

function serialSequence(schema: SchemaModel, table: Table, column: Column): Sequence | null {
  if (!SERIAL_BY_TYPE[column.type] || column.identity || column.generated) return null;
  const key = defaultSequenceKey(table, column);
  if (key !== `${table.schema}.${table.name}_${column.name}_seq`) return null;
  const sequence = schema.sequences.get(key);
  if (!sequence) return null;
  const owned = sequence.ownedBy?.table === `${table.schema}.${table.name}` && sequence.ownedBy.column === column.name;
  const plain = Object.keys(sequence.options).length === 0 && sequence.dataType === column.type && sequence.owner === null && sequence.comment === null && sequence.unlogged === table.unlogged;
  return owned && plain ? sequence : null;
}

/** The serial pseudo-type that reproduces this column, or null. */
export function serialType(schema: SchemaModel, table: Table, column: Column): string | null {
  return serialSequence(schema, table, column) ? SERIAL_BY_TYPE[column.type]! : null;
}

/** Sequences that serial columns of the baseline create by themselves. */
export function serialSequences(schema: SchemaModel): Set<Sequence> {
  const found = new Set<Sequence>();
  for (const table of schema.tables.values()) {
    for (const column of table.columns) {
      const sequence = serialSequence(schema, table, column);
      if (sequence) found.add(sequence);
    }
  }
  return found;
}
