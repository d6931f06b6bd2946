import type { CreateStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type Table } from '../model.js';
import { expressionText } from '../sql-text.js';
import { addColumn, addConstraint, addConstraintIndex } from './table-elements.js';

export function createTable(statement: CreateStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const name = relation.relname ?? '';
  const key = ctx.keyForCreate(relation.schemaname, name);
  const existing = ctx.schema.tables.get(key);
  if (existing) {
    const where = `${existing.created.path}:${existing.created.line}`;
    ctx.emit({
      action: statement.if_not_exists ? 'noop' : 'error',
      objectType: 'table',
      name: key,
      tableId: existing.id,
      message: statement.if_not_exists
        ? `table "${key}" already exists (created at ${where}); CREATE TABLE IF NOT EXISTS did nothing`
        : `table "${key}" already exists (created at ${where})`,
    });
    return;
  }

  const [schema] = key.split('.') as [string];
  const table: Table = {
    id: ctx.newTableId(),
    schema,
    name,
    columns: [],
    constraints: [],
    rlsEnabled: false,
    rlsForced: false,
    partitionOf: null,
    partitionBy: statement.partspec ? partitionText(statement) : null,
    created: ctx.origin,
    changes: [],
  };
  const parent = statement.partbound ? statement.inhRelations?.[0] : undefined;
  if (parent && 'RangeVar' in parent) {
    const parentTable = ctx.findTable(parent.RangeVar.schemaname, parent.RangeVar.relname ?? '');
    table.partitionOf = parentTable ? qualifiedName(parentTable.schema, parentTable.name) : null;
    if (parentTable) table.columns = parentTable.columns.map((column) => ({ ...column, changes: [] }));
  }
  ctx.schema.tables.set(key, table);

  const tableConstraints = [];
  for (const element of statement.tableElts ?? []) {
    if ('ColumnDef' in element) addColumn(table, element.ColumnDef, ctx);
    else if ('Constraint' in element) tableConstraints.push(element.Constraint);
    else if ('TableLikeClause' in element) {
      const like = element.TableLikeClause.relation;
      const source = like ? ctx.findTable(like.schemaname, like.relname ?? '') : null;
      if (source) table.columns.push(...source.columns.map((column) => ({ ...column, created: ctx.origin, changes: [] })));
    }
  }
  for (const constraint of tableConstraints) {
    const added = addConstraint(table, constraint, ctx, null);
    if (added && (added.kind === 'primary key' || added.kind === 'unique')) addConstraintIndex(table, added, ctx);
  }
  ctx.emit({ action: 'create', objectType: 'table', name: key, tableId: table.id, message: `created table "${key}"` });
}

function partitionText(statement: CreateStmt): string {
  const spec = statement.partspec!;
  const keys = (spec.partParams ?? []).map((param) =>
    'PartitionElem' in param ? (param.PartitionElem.name ?? expressionText(param.PartitionElem.expr!)) : '',
  );
  const strategy = String(spec.strategy ?? '').replace('PARTITION_STRATEGY_', '');
  return `${strategy} (${keys.join(', ')})`;
}
