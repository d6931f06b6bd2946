/**
 * A relation's persistence (pg_class.relpersistence) as the model keeps it: temporary and
 * unlogged are flags, absent on an ordinary table. Measured in PostgreSQL 18: a table's indexes,
 * TOAST table and the sequences its serial and identity columns make share its persistence, and
 * ALTER TABLE ... SET [UN]LOGGED carries every sequence the table owns along.
 */
import type { AlterTableCmd, RangeVar } from 'libpg-query';
import type { Sequence, SchemaModel, Table } from './model.js';
import { qualifiedName } from './model.js';
import type { Reason } from './reasons.js';

/** The flags CREATE [TEMP | UNLOGGED] TABLE gives a new table. */
export function persistenceOf(relation: RangeVar | undefined): Pick<Table, 'temporary' | 'unlogged'> {
  if (relation?.relpersistence === 't') return { temporary: true };
  if (relation?.relpersistence === 'u') return { unlogged: true };
  return {};
}

export function setUnlogged(target: Table | Sequence, unlogged: boolean): void {
  if (unlogged) target.unlogged = true;
  else delete target.unlogged;
}

/** ALTER TABLE ... SET LOGGED / SET UNLOGGED: the table and the sequences it owns. */
export function setTablePersistence(schema: SchemaModel, table: Table, unlogged: boolean): void {
  setUnlogged(table, unlogged);
  const key = qualifiedName(table.schema, table.name);
  for (const sequence of schema.sequences.values()) if (sequence.ownedBy?.table === key) setUnlogged(sequence, unlogged);
}

/**
 * Why PostgreSQL refuses an ALTER TABLE ... SET LOGGED / SET UNLOGGED, in its words: a
 * partitioned table has no storage, and a logged table may not reference an unlogged one.
 */
export function persistenceRejection(schema: SchemaModel, table: Table, command: AlterTableCmd): Reason | null {
  if (command.subtype !== 'AT_SetLogged' && command.subtype !== 'AT_SetUnLogged') return null;
  const unlogged = command.subtype === 'AT_SetUnLogged';
  if (table.partitionBy) return { code: 'invalid', text: `ALTER action ${unlogged ? 'SET UNLOGGED' : 'SET LOGGED'} cannot be performed on relation "${table.name}"` };
  if (Boolean(table.unlogged) === unlogged) return null;
  const key = qualifiedName(table.schema, table.name);
  const references = (from: Table, to: string) => from.constraints.some((constraint) => constraint.kind === 'foreign key' && constraint.references?.table === to);
  if (!unlogged) {
    const target = table.constraints.find((constraint) => constraint.kind === 'foreign key' && constraint.references?.table !== key && schema.tables.get(constraint.references?.table ?? '')?.unlogged);
    const referenced = target?.references ? schema.tables.get(target.references.table) : undefined;
    return referenced ? { code: 'invalid', text: `could not change table "${table.name}" to logged because it references unlogged table "${referenced.name}"` } : null;
  }
  // PostgreSQL's message names the logged table that references this one as one it "references".
  const referencing = [...schema.tables.values()].find((other) => other !== table && !other.unlogged && !other.temporary && references(other, key));
  return referencing ? { code: 'invalid', text: `could not change table "${table.name}" to unlogged because it references logged table "${referencing.name}"` } : null;
}
