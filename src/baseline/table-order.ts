/**
 * The order tables are created in: phases a reader can follow. Phase 1 holds the tables that
 * reference no other table; each later phase holds the tables whose references all point into
 * earlier phases. Foreign keys that close a cycle cannot be written inline: they are deferred
 * and added with ALTER TABLE once every table exists.
 */
import type { Constraint, SchemaModel, Table } from '../replay/model.js';
import { qualifiedName } from '../replay/model.js';

export interface DeferredForeignKey {
  table: Table;
  constraint: Constraint;
}

export interface TablePlan {
  phases: Table[][];
  /** Foreign keys that close a cycle: written once every table exists. */
  deferred: DeferredForeignKey[];
  /**
   * Foreign keys whose referenced columns are unique through an index, constraints added
   * NOT VALID (CREATE TABLE would validate them) and keys on the same columns as an earlier
   * key (CREATE TABLE would merge them into one): written after indexes with ALTER TABLE.
   */
  afterIndexes: DeferredForeignKey[];
  /**
   * Foreign keys added by ALTER TABLE to tables neither the chain nor the platform creates:
   * written alone, after every table, so that their failure costs the key and not the whole
   * table (as in the chain, where the table was created and only the ALTER was rejected).
   */
  toUnknownTables: DeferredForeignKey[];
}

export function keyOf(table: Table): string {
  return qualifiedName(table.schema, table.name);
}

/** Creation order: file order, then statement order; the tie-break everywhere in the baseline. */
export function byCreation(a: Table, b: Table): number {
  return a.created.fileOrder - b.created.fileOrder || a.created.statementIndex - b.created.statementIndex || keyOf(a).localeCompare(keyOf(b));
}

/** Keys of the modelled tables a table needs before it can be created. */
function prerequisites(table: Table, schema: SchemaModel, skipped: Set<string>): Set<string> {
  const needs = new Set<string>();
  const own = keyOf(table);
  if (table.partitionOf && schema.tables.has(table.partitionOf)) needs.add(table.partitionOf);
  for (const constraint of table.constraints) {
    const target = constraint.references?.table;
    if (!target || target === own || !schema.tables.has(target)) continue;
    if (skipped.has(`${own}\u0000${constraint.name}`)) continue;
    needs.add(target);
  }
  return needs;
}

/**
 * True when a foreign key's referenced columns are unique only through a standalone unique
 * index (CREATE UNIQUE INDEX), which the baseline creates after the tables: the key must wait.
 */
export function needsUniqueIndex(schema: SchemaModel, constraint: Constraint): boolean {
  const target = constraint.references ? schema.tables.get(constraint.references.table) : undefined;
  if (!target || !constraint.references) return false;
  const wanted = constraint.references.columns;
  if (wanted.length === 0) return false;
  const sameColumns = (columns: string[]) => columns.length === wanted.length && columns.every((column) => wanted.includes(column));
  if (target.constraints.some((candidate) => (candidate.kind === 'primary key' || candidate.kind === 'unique') && sameColumns(candidate.columns))) return false;
  return [...schema.indexes.values()].some((index) => index.table === constraint.references!.table && index.unique && index.constraint === null && index.where === null && sameColumns(index.keys));
}

/** A UNIQUE on the same columns as the primary key or an earlier key of the table. */
function repeatsEarlierKey(table: Table, constraint: Constraint): boolean {
  if (constraint.kind !== 'unique') return false;
  const keys = table.constraints.filter((candidate) => candidate.kind === 'primary key' || candidate.kind === 'unique');
  const earlier = [...keys.filter((candidate) => candidate.kind === 'primary key'), ...keys.slice(0, keys.indexOf(constraint)).filter((candidate) => candidate.kind === 'unique')];
  return earlier.some((candidate) => candidate !== constraint && candidate.columns.join('\u0000') === constraint.columns.join('\u0000'));
}

/** `provided` tells whether a table the chain does not create exists anyway (a platform's). */
export function planTables(schema: SchemaModel, provided: (key: string) => boolean): TablePlan {
  const remaining = [...schema.tables.values()].sort(byCreation);
  const placed = new Set<string>();
  const skipped = new Set<string>();
  const deferred: DeferredForeignKey[] = [];
  const afterIndexes: DeferredForeignKey[] = [];
  const phases: Table[][] = [];
  const toUnknownTables: DeferredForeignKey[] = [];
  for (const table of remaining) {
    for (const constraint of table.constraints) {
      if (constraint.notValid || repeatsEarlierKey(table, constraint)) {
        skipped.add(`${keyOf(table)}\u0000${constraint.name}`);
        afterIndexes.push({ table, constraint });
        continue;
      }
      const target = constraint.references?.table;
      if (constraint.kind !== 'foreign key' || !target) continue;
      // Written inline in the CREATE TABLE, the key failed the whole table in the chain too.
      const addedLater = constraint.created.fileOrder !== table.created.fileOrder || constraint.created.statementIndex !== table.created.statementIndex;
      const unknown = addedLater && !schema.tables.has(target) && !provided(target);
      if (!unknown && !needsUniqueIndex(schema, constraint)) continue;
      skipped.add(`${keyOf(table)}\u0000${constraint.name}`);
      (unknown ? toUnknownTables : afterIndexes).push({ table, constraint });
    }
  }

  while (remaining.length > 0) {
    let ready = remaining.filter((table) => [...prerequisites(table, schema, skipped)].every((key) => placed.has(key)));
    if (ready.length === 0) {
      // A cycle: the earliest-created waiting table goes next, alone, and its foreign keys to
      // tables not yet placed are deferred.
      const first = remaining[0]!;
      for (const constraint of first.constraints) {
        const target = constraint.references?.table;
        if (!target || target === keyOf(first) || !schema.tables.has(target) || placed.has(target)) continue;
        if (target === first.partitionOf || skipped.has(`${keyOf(first)}\u0000${constraint.name}`)) continue;
        skipped.add(`${keyOf(first)}\u0000${constraint.name}`);
        deferred.push({ table: first, constraint });
      }
      ready = [first];
    }
    phases.push(ready);
    for (const table of ready) {
      placed.add(keyOf(table));
      remaining.splice(remaining.indexOf(table), 1);
    }
  }
  return { phases, deferred, afterIndexes, toUnknownTables };
}

export function isDeferred(plan: TablePlan, table: Table, constraint: Constraint): boolean {
  return [...plan.deferred, ...plan.afterIndexes, ...plan.toUnknownTables].some((entry) => entry.table === table && entry.constraint === constraint);
}
