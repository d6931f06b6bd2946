/**
 * Functions are written after the tables, except those a table needs while it is created: a
 * function a column default, generated column, CHECK constraint, index or domain calls.
 */
import type { FunctionObject, SchemaModel } from '../replay/model.js';
import { byOrigin } from './origin-order.js';

/** Every expression a table, index or domain is created with. */
function tableExpressions(schema: SchemaModel): string {
  const texts: string[] = [];
  for (const table of schema.tables.values()) {
    for (const column of table.columns) texts.push(column.default ?? '', column.generated ?? '');
    for (const constraint of table.constraints) texts.push(constraint.expression ?? '');
  }
  for (const index of schema.indexes.values()) texts.push(...index.keys, index.where ?? '');
  for (const type of schema.types.values()) texts.push(type.default ?? '', ...type.checks.map((check) => check.expression));
  return texts.join('\n').toLowerCase();
}

function calledIn(fn: FunctionObject, expressions: string): boolean {
  const name = fn.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9_$])"?${name}"?\\s*\\(`).test(expressions);
}

/** [functions tables need, every other function], each in creation order. */
export function splitFunctions(schema: SchemaModel): [FunctionObject[], FunctionObject[]] {
  const expressions = tableExpressions(schema);
  const all = [...schema.functions.values()].sort(byOrigin);
  const early = all.filter((fn) => fn.kind === 'function' && calledIn(fn, expressions));
  return [early, all.filter((fn) => !early.includes(fn))];
}
