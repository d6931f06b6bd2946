/** A function or procedure gets a new key (RENAME, SET SCHEMA, a type in its signature moved): what names it follows. */
import type { ReplayContext } from '../context.js';
import { rewriteStoredSql } from '../stored-sql.js';
import { renameCalls } from '../object-references.js';
import { renameGrantObject } from './grants.js';

export function moveFunction(ctx: ReplayContext, oldKey: string, newKey: string, schema: string, name: string): void {
  const fn = ctx.schema.functions.get(oldKey)!;
  const from = { schema: fn.schema, name: fn.name };
  ctx.schema.functions.delete(oldKey);
  fn.schema = schema;
  fn.name = name;
  ctx.schema.functions.set(newKey, fn);
  for (const host of [...ctx.schema.tables.values(), ...ctx.schema.views.values()]) {
    for (const trigger of host.triggers) if (trigger.function === oldKey) trigger.function = newKey;
  }
  if (from.schema !== schema || from.name !== name) {
    const inputs = fn.arguments.filter((argument) => argument.mode !== 'OUT' && argument.mode !== 'TABLE');
    const min = inputs.filter((argument) => argument.default === null && argument.mode !== 'VARIADIC').length;
    const max = inputs.some((argument) => argument.mode === 'VARIADIC') ? Infinity : inputs.length;
    rewriteStoredSql(ctx.schema, renameCalls(from, { schema, name }, { min, max }));
  }
  renameGrantObject(ctx, oldKey, newKey);
  fn.changes.push({ origin: ctx.origin, description: `moved from "${oldKey}"` });
}
