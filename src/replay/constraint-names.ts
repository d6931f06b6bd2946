/**
 * Whether a table constraint of a given name may exist, answered without a scan of every table.
 * PostgreSQL checks each name it generates against all constraints of the schema; scanning the
 * model for that once per unnamed constraint made the replay quadratic in the number of tables.
 *
 * The answer comes from the set of every name a table constraint has had in this model: built
 * from the model on first use, then kept up to date by `recordConstraintName` wherever a
 * constraint is added or renamed. A name outside the set is certainly free; a name in it may
 * since have been dropped, so the caller then looks at the model itself.
 */
import type { SchemaModel } from './model.js';

const namesEverUsed = new WeakMap<SchemaModel, Set<string>>();

/** False when no table of the model has a constraint of this name; true when one may. */
export function constraintNameMayExist(schema: SchemaModel, name: string): boolean {
  let names = namesEverUsed.get(schema);
  if (!names) {
    names = new Set();
    for (const table of schema.tables.values()) for (const constraint of table.constraints) names.add(constraint.name);
    namesEverUsed.set(schema, names);
  }
  return names.has(name);
}

/** To call whenever a table constraint gets a name (added to a table, or renamed). */
export function recordConstraintName(schema: SchemaModel, name: string): void {
  namesEverUsed.get(schema)?.add(name);
}
