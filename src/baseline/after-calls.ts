/**
 * What the partitions a carried call makes got from their parent later in the chain. The call
 * runs in the baseline after every table and index exists, so it sees the parent as it is at the
 * end; in the chain, what the parent got after the call reached the partitions made before it
 * in PostgreSQL's own way:
 * - a new default (ADD COLUMN ... DEFAULT, SET DEFAULT) is given to every partition it has then,
 *   while partitions made later by `CREATE TABLE (LIKE parent)` get none: the baseline sets the
 *   default again at its place among the calls;
 * - an index made ON ONLY the parent is not built on the partitions it has then, while partitions
 *   made later with `LIKE parent INCLUDING INDEXES` get it: the baseline makes the index at its
 *   place among the calls instead of with the other indexes;
 * - a CHECK added NOT VALID is given, NOT VALID, to every partition it has then, while partitions
 *   made later with `LIKE parent INCLUDING CONSTRAINTS` get a valid copy: the baseline drops and
 *   adds it again at its place among the calls.
 */
import type { Carried } from './sources.js';
import type { Index, Origin, SchemaModel, Uninterpreted } from '../replay/model.js';
import { createIndex } from './indexes.js';
import { compareOrigins } from './origin-order.js';
import { ident, qualifiedKey } from './sql.js';
import { addConstraint, defaultExpression } from './table-ddl.js';

export interface AfterCalls {
  statements: Carried[];
  /** Indexes made among the calls, not with the other indexes. */
  indexes: Set<Index>;
}

export function afterCalls(schema: SchemaModel, calls: Uninterpreted[]): AfterCalls {
  const firstCall = new Map<string, Origin>();
  for (const call of calls) {
    for (const key of call.call?.tables ?? []) {
      const known = firstCall.get(key);
      if (!known || compareOrigins(call.origin, known) < 0) firstCall.set(key, call.origin);
    }
  }
  const statements: Carried[] = [];
  const indexes = new Set<Index>();
  for (const [key, origin] of firstCall) {
    for (const column of schema.tables.get(key)?.columns ?? []) {
      const since = column.defaultSet ?? column.created;
      if (column.default === null || compareOrigins(since, origin) <= 0) continue;
      statements.push({
        origin: since,
        text: `-- The partitions made above got this default from their parent here.\nALTER TABLE ${qualifiedKey(key)} ALTER COLUMN ${ident(column.name)} SET DEFAULT ${defaultExpression(column.default)}`,
      });
    }
    const table = schema.tables.get(key);
    for (const constraint of table?.constraints ?? []) {
      if (!table || constraint.kind !== 'check' || !constraint.notValid || compareOrigins(constraint.created, origin) <= 0) continue;
      statements.push({
        origin: constraint.created,
        text: `-- Added NOT VALID here: the partitions made above got it NOT VALID too.\nALTER TABLE ${qualifiedKey(key)} DROP CONSTRAINT ${ident(constraint.name)};\n${addConstraint(schema, table, constraint)!.replace(/;$/, '')}`,
      });
    }
    for (const index of schema.indexes.values()) {
      if (index.table !== key || !index.only || compareOrigins(index.created, origin) <= 0) continue;
      indexes.add(index);
      statements.push({ origin: index.created, text: `-- Made ON ONLY the parent here: the partitions made above do not have it.\n${createIndex(index, schema).replace(/;$/, '')}` });
    }
  }
  return { statements, indexes };
}
