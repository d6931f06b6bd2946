/**
 * A carried call that makes partitions (`CREATE TABLE p (LIKE parent)`, then ATTACH) gives them
 * no defaults, but PostgreSQL gives a parent's new default to every partition it has at that
 * moment (ADD COLUMN ... DEFAULT, ALTER COLUMN SET DEFAULT). When a column got its default after
 * such a call in the chain, the baseline sets it again at that point among the carried calls:
 * the partitions made before get it, those made after do not, as in the chain.
 */
import type { Carried } from './sources.js';
import type { SchemaModel, Uninterpreted } from '../replay/model.js';
import { compareOrigins } from './origin-order.js';
import { ident, qualifiedKey } from './sql.js';
import { defaultExpression } from './table-ddl.js';

export function defaultsAfterCalls(schema: SchemaModel, calls: Uninterpreted[]): Carried[] {
  const firstCall = new Map<string, Uninterpreted['origin']>();
  for (const call of calls) {
    for (const key of call.call?.tables ?? []) {
      const known = firstCall.get(key);
      if (!known || compareOrigins(call.origin, known) < 0) firstCall.set(key, call.origin);
    }
  }
  const statements: Carried[] = [];
  for (const [key, origin] of firstCall) {
    for (const column of schema.tables.get(key)?.columns ?? []) {
      const since = column.defaultSet ?? column.created;
      if (column.default === null || compareOrigins(since, origin) <= 0) continue;
      statements.push({
        origin: since,
        text: `-- The partitions made above got this default from their parent here.\nALTER TABLE ${qualifiedKey(key)} ALTER COLUMN ${ident(column.name)} SET DEFAULT ${defaultExpression(column.default)}`,
      });
    }
  }
  return statements;
}
