import type { AlterTableCmd, AlterTableStmt } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type Table } from '../model.js';
import { expressionText, formatType } from '../sql-text.js';
import { dropColumnDependents, dropConstraint } from './dependents.js';
import { addColumn, addConstraint, addConstraintIndex } from './table-elements.js';

/** ALTER TABLE on an object that is not a table (index, view, sequence) is not modelled yet. */
export function alterTable(statement: AlterTableStmt, ctx: ReplayContext): void {
  if (statement.objtype !== 'OBJECT_TABLE') return ctx.keepUninterpreted();
  const relation = statement.relation!;
  const table = ctx.findTable(relation.schemaname, relation.relname ?? '');
  const key = table ? qualifiedName(table.schema, table.name) : ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (!table) {
    ctx.emit({
      action: statement.missing_ok ? 'noop' : 'error',
      objectType: 'table',
      name: key,
      message: `relation "${key}" does not exist`,
    });
    return;
  }
  for (const item of statement.cmds ?? []) {
    if ('AlterTableCmd' in item) applyCommand(table, key, item.AlterTableCmd, ctx);
  }
}

function applyCommand(table: Table, key: string, command: AlterTableCmd, ctx: ReplayContext): void {
  const columnName = command.name ?? '';
  const column = table.columns.find((candidate) => candidate.name === columnName);
  const changed = (description: string, member: string | null = columnName || null) => {
    const change = { origin: ctx.origin, description };
    table.changes.push(change);
    if (column && member === column.name) column.changes.push(change);
    ctx.emit({
      action: 'alter',
      objectType: member ? 'column' : 'table',
      name: key,
      tableId: table.id,
      member,
      message: description,
    });
  };
  const missingColumn = () =>
    ctx.emit({
      action: command.missing_ok ? 'noop' : 'error',
      objectType: 'column',
      name: key,
      tableId: table.id,
      member: columnName,
      message: `column "${columnName}" of relation "${key}" does not exist`,
    });

  switch (command.subtype) {
    case 'AT_AddColumn': {
      const definition = 'ColumnDef' in command.def! ? command.def.ColumnDef : null;
      if (!definition) return;
      const name = definition.colname ?? '';
      const existing = table.columns.find((candidate) => candidate.name === name);
      if (existing) {
        ctx.emit({
          action: command.missing_ok ? 'noop' : 'error',
          objectType: 'column',
          name: key,
          tableId: table.id,
          member: name,
          message: `column "${name}" of relation "${key}" already exists (added at ${existing.created.path}:${existing.created.line})`,
        });
        return;
      }
      addColumn(table, definition, ctx);
      table.changes.push({ origin: ctx.origin, description: `added column "${name}"` });
      ctx.emit({ action: 'alter', objectType: 'column', name: key, tableId: table.id, member: name, message: `added column "${name}"` });
      return;
    }
    case 'AT_DropColumn':
      if (!column) return missingColumn();
      table.columns = table.columns.filter((candidate) => candidate !== column);
      dropColumnDependents(ctx.schema, table, column.name);
      return changed(`dropped column "${columnName}"`);
    case 'AT_AlterColumnType': {
      if (!column) return missingColumn();
      const definition = 'ColumnDef' in command.def! ? command.def.ColumnDef : null;
      if (!definition?.typeName) return;
      const type = formatType(definition.typeName);
      if (type === column.type) return changed(`set type of column "${columnName}" to ${type} (unchanged)`);
      column.previousTypes.push({ type: column.type, until: ctx.origin });
      column.type = type;
      return changed(`changed type of column "${columnName}" to ${type}`);
    }
    case 'AT_ColumnDefault':
      if (!column) return missingColumn();
      column.default = command.def ? expressionText(command.def) : null;
      return changed(command.def ? `set default of column "${columnName}"` : `dropped default of column "${columnName}"`);
    case 'AT_SetNotNull':
      if (!column) return missingColumn();
      column.notNull = true;
      return changed(`set NOT NULL on column "${columnName}"`);
    case 'AT_DropNotNull':
      if (!column) return missingColumn();
      column.notNull = false;
      return changed(`dropped NOT NULL on column "${columnName}"`);
    case 'AT_AddConstraint': {
      const node = command.def && 'Constraint' in command.def ? command.def.Constraint : null;
      if (!node) return;
      if (node.conname && table.constraints.some((constraint) => constraint.name === node.conname)) {
        ctx.emit({
          action: 'error',
          objectType: 'constraint',
          name: key,
          tableId: table.id,
          member: node.conname,
          message: `constraint "${node.conname}" for relation "${key}" already exists`,
        });
        return;
      }
      const added = addConstraint(table, node, ctx, null);
      if (!added) return;
      if (added.kind === 'primary key' || added.kind === 'unique') addConstraintIndex(table, added, ctx);
      return changed(`added ${added.kind} constraint "${added.name}"`, null);
    }
    case 'AT_DropConstraint': {
      if (!table.constraints.some((constraint) => constraint.name === columnName)) {
        ctx.emit({
          action: command.missing_ok ? 'noop' : 'error',
          objectType: 'constraint',
          name: key,
          tableId: table.id,
          member: columnName,
          message: `constraint "${columnName}" of relation "${key}" does not exist`,
        });
        return;
      }
      dropConstraint(ctx.schema, table, columnName);
      return changed(`dropped constraint "${columnName}"`, null);
    }
    case 'AT_EnableRowSecurity':
      table.rlsEnabled = true;
      return changed('enabled row level security', null);
    case 'AT_DisableRowSecurity':
      table.rlsEnabled = false;
      return changed('disabled row level security', null);
    case 'AT_ForceRowSecurity':
      table.rlsForced = true;
      return changed('forced row level security', null);
    case 'AT_NoForceRowSecurity':
      table.rlsForced = false;
      return changed('stopped forcing row level security', null);
    default:
      return changed(`${(command.subtype ?? 'ALTER').replace(/^AT_/, '')}${columnName ? ` on "${columnName}"` : ''}`, column ? columnName : null);
  }
}
