import type { RangeVar } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName } from '../model.js';

/** INSERT, UPDATE, DELETE, MERGE and COPY change data, not schema: recorded, not modelled. */
export function dataChange(relation: RangeVar | undefined, ctx: ReplayContext): void {
  const name = relation?.relname ?? '';
  const table = relation ? ctx.findTable(relation.schemaname, name) : null;
  ctx.emit({
    action: 'data',
    objectType: 'table',
    name: table ? qualifiedName(table.schema, table.name) : ctx.keyForCreate(relation?.schemaname, name),
    tableId: table?.id ?? null,
    message: `${ctx.statement.kind.replace(/Stmt$/, '').toUpperCase()} on "${name}"`,
  });
}
