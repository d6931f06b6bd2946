/**
 * Which rejections undo a whole file. A runner that applies a file in one transaction stops at
 * the first statement PostgreSQL rejects, and nothing in the file applies. The model follows it
 * only where it knows PostgreSQL rejects the statement: not for objects it cannot see (a
 * platform's `auth.users`, the runner's own table, partitions made by dynamic SQL, functions and
 * types an extension brings), which it reports missing without knowing.
 */
import { isPlatformRelation, isRunnerTable } from '../presets.js';
import type { HistoryEvent } from './history.js';
import type { SchemaModel } from './model.js';
import { rootReason } from './reasons.js';

/** Object types whose "does not exist" may be about an object an extension or the platform made. */
const UNSEEN_KINDS = new Set<HistoryEvent['objectType']>(['function', 'type', 'extension', 'schema', 'grant', 'comment', 'publication', 'statistics', 'other']);

/** `events_3` of a partitioned `events`: partitions are often made by dynamic SQL (as relations.ts's isLikelyDynamicPartition). */
function mayBeDynamicPartition(schema: SchemaModel, relname: string): boolean {
  for (const table of schema.tables.values()) if (table.partitionBy !== null && relname.startsWith(`${table.name}_`)) return true;
  return false;
}

export function rejectsForCertain(event: HistoryEvent, schema: SchemaModel): boolean {
  if (event.action !== 'error') return false;
  if (event.knownRejection) return true;
  const dot = event.name.indexOf('.');
  const schemaName = dot === -1 ? '' : event.name.slice(0, dot);
  const relname = event.name.slice(dot + 1);
  if (!schema.schemas.has(schemaName) || isPlatformRelation('supabase', event.name)) return false;
  if (isRunnerTable(relname, schemaName) || mayBeDynamicPartition(schema, relname)) return false;
  return !(UNSEEN_KINDS.has(event.objectType) && rootReason(event.reason).code === 'missing');
}
