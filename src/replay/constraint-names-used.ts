/**
 * Whether a constraint of a given name may exist, answered without a scan of every table.
 * PostgreSQL checks each name it generates against all constraints of the schema; scanning the
 * model for that once per unnamed constraint made the replay quadratic in the number of tables.
 *
 * The answer comes from the set of every name a constraint has had in this model (table
 * constraints, NOT NULL names kept on a column, domain checks): built from the model on first
 * use, then kept up to date by `recordConstraintName` wherever a name is given or changed. A name
 * outside the set is certainly free; a name in it may since have been dropped, so the caller
 * then looks at the model itself.
 */
import type { SchemaModel } from './model.js';

const namesEverUsed = new WeakMap<SchemaModel, Set<string>>();

function usedNames(schema: SchemaModel): Set<string> {
  let names = namesEverUsed.get(schema);
  if (!names) {
    names = new Set();
    for (const table of schema.tables.values()) {
      for (const constraint of table.constraints) names.add(constraint.name);
      for (const column of table.columns) if (column.notNullName) names.add(column.notNullName);
    }
    for (const type of schema.types.values()) for (const check of type.checks) names.add(check.name);
    namesEverUsed.set(schema, names);
  }
  return names;
}

/** False when no constraint of the model has (or had) this name; true when one may. */
export function constraintNameMayExist(schema: SchemaModel, name: string): boolean {
  return usedNames(schema).has(name);
}

/** To call whenever a constraint gets a name (added to a table or domain, renamed, or a NOT NULL name kept on a column). */
export function recordConstraintName(schema: SchemaModel, name: string): void {
  namesEverUsed.get(schema)?.add(name);
}
