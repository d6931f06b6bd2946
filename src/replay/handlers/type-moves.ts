/**
 * ALTER TYPE / ALTER DOMAIN ... RENAME TO or SET SCHEMA: PostgreSQL refers to a type by oid, so
 * every use shows the new name: column types (arrays of it too), composite attributes, domain
 * base types, function signatures and results, and casts in stored expressions.
 */
import type { ReplayContext } from '../context.js';
import { functionKey } from '../model.js';
import { retypeCasts, spelled, type ObjectName } from '../object-references.js';
import { rewriteStoredSql } from '../stored-sql.js';
import { moveFunction } from './function-moves.js';

/** A type as format_type prints it (`mood`, `app.mood[]`) after the move. */
function retype(type: string, from: string, to: string): string {
  const suffix = type.match(/(\[\])*$/)?.[0] ?? '';
  return type.slice(0, type.length - suffix.length) === from ? `${to}${suffix}` : type;
}

/** A function's result: `mood`, `SETOF mood`, `TABLE(v mood, l level)`. */
function retypeResult(result: string, from: string, to: string): string {
  if (result.startsWith('SETOF ')) return `SETOF ${retype(result.slice('SETOF '.length), from, to)}`;
  const table = /^TABLE\((.*)\)$/.exec(result);
  if (!table) return retype(result, from, to);
  const columns = table[1]!.split(', ').map((column) => {
    const space = column.indexOf(' ');
    return `${column.slice(0, space)} ${retype(column.slice(space + 1), from, to)}`;
  });
  return `TABLE(${columns.join(', ')})`;
}

export function moveTypeReferences(ctx: ReplayContext, fromType: ObjectName, toType: ObjectName): void {
  const from = spelled(fromType);
  const to = spelled(toType);
  for (const table of ctx.schema.tables.values()) {
    for (const column of table.columns) column.type = retype(column.type, from, to);
  }
  for (const type of ctx.schema.types.values()) {
    type.attributes = type.attributes.map((attribute) => ({ ...attribute, type: retype(attribute.type, from, to) }));
    if (type.baseType !== null) type.baseType = retype(type.baseType, from, to);
  }
  for (const [key, fn] of [...ctx.schema.functions]) {
    for (const argument of fn.arguments) argument.type = retype(argument.type, from, to);
    if (fn.returns !== null) fn.returns = retypeResult(fn.returns, from, to);
    const signatureTypes = fn.signatureTypes.map((type) => retype(type, from, to));
    if (signatureTypes.join() === fn.signatureTypes.join()) continue;
    fn.signatureTypes = signatureTypes;
    moveFunction(ctx, key, functionKey(fn.schema, fn.name, signatureTypes), fn.schema, fn.name);
  }
  rewriteStoredSql(ctx.schema, retypeCasts(fromType, toType));
}
