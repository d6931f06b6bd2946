/**
 * What of the model outlives the chain's sessions: temporary tables end with the session that
 * made them, and so do their indexes, statistics, serial sequences and the grants on them. The
 * baseline writes only the rest.
 */
import type { SchemaModel } from '../replay/model.js';

export function persistentSchema(schema: SchemaModel): SchemaModel {
  const temporary = new Set([...schema.tables].filter(([, table]) => table.temporary).map(([key]) => key));
  if (temporary.size === 0) return schema;
  const kept = <T>(map: Map<string, T>, keep: (item: T, key: string) => boolean) => new Map([...map].filter(([key, item]) => keep(item, key)));
  return {
    ...schema,
    tables: kept(schema.tables, (_, key) => !temporary.has(key)),
    indexes: kept(schema.indexes, (index) => !temporary.has(index.table)),
    statistics: kept(schema.statistics, (statistics) => !temporary.has(statistics.table)),
    sequences: kept(schema.sequences, (sequence) => !sequence.ownedBy || !temporary.has(sequence.ownedBy.table)),
    grants: schema.grants.filter((grant) => !temporary.has(grant.object)),
  };
}
