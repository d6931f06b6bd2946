import type { VariableSetStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';

/**
 * `SET search_path` changes where unqualified names resolve for the rest of the file; other
 * settings only affect the session.
 */
export function setVariable(statement: VariableSetStmt, ctx: ReplayContext): void {
  if (statement.name !== 'search_path') return ctx.session();
  const schemas = (statement.args ?? []).flatMap((arg) => {
    if (!('A_Const' in arg)) return [];
    const value = arg.A_Const.sval?.sval;
    return value ? value.split(',').map((part) => part.trim().replace(/^"(.*)"$/, '$1')) : [];
  });
  ctx.schema.searchPath = statement.kind === 'VAR_SET_DEFAULT' || schemas.length === 0 ? ['public'] : schemas.filter((s) => s !== '$user');
}
