/**
 * What the model saw but cannot write back: ALTER TABLE actions it does not keep, foreign
 * tables. The header lists them so a
 * reviewer knows exactly where the baseline and the chain may differ.
 */
import type { AlterTableStmt } from 'libpg-query';
import type { ParsedFile } from '../parse/index.js';
import type { Origin, SchemaModel } from '../replay/model.js';
import { qualified } from './sql.js';

/** ALTER TABLE actions the model applies; any other action is listed as not carried. */
const MODELLED_ALTER_TABLE = new Set([
  'AT_AddColumn',
  'AT_AddConstraint',
  'AT_AddIdentity',
  'AT_AddInherit',
  'AT_AlterColumnType',
  'AT_AlterConstraint',
  'AT_AttachPartition',
  'AT_ChangeOwner',
  'AT_ColumnDefault',
  'AT_DetachPartition',
  'AT_DetachPartitionFinalize',
  'AT_DisableRowSecurity',
  'AT_DropColumn',
  'AT_DropConstraint',
  'AT_DropExpression',
  'AT_DropIdentity',
  'AT_DropInherit',
  'AT_DropNotNull',
  'AT_EnableRowSecurity',
  'AT_ForceRowSecurity',
  'AT_NoForceRowSecurity',
  'AT_ResetRelOptions',
  'AT_SetIdentity',
  'AT_SetNotNull',
  'AT_SetRelOptions',
]);

export interface ModelGap {
  origin: Origin;
  what: string;
}

export function leftOutOfModel(schema: SchemaModel, files: ParsedFile[]): ModelGap[] {
  const gaps: ModelGap[] = [];
  for (const parsed of files) {
    for (const statement of parsed.statements) {
      if (statement.kind !== 'AlterTableStmt') continue;
      const alter = (statement.node as { AlterTableStmt: AlterTableStmt }).AlterTableStmt;
      if (alter.objtype !== 'OBJECT_TABLE') continue;
      const origin = { path: parsed.file.path, fileOrder: parsed.file.order, statementIndex: statement.index, line: statement.line, column: statement.column };
      for (const item of alter.cmds ?? []) {
        const subtype = 'AlterTableCmd' in item ? (item.AlterTableCmd.subtype ?? '') : '';
        if (subtype && !MODELLED_ALTER_TABLE.has(subtype)) {
          gaps.push({ origin, what: `ALTER TABLE ${alter.relation?.relname ?? ''}: ${subtype.replace(/^AT_/, '')}` });
        }
      }
    }
  }
  for (const table of schema.tables.values()) {
    if (table.foreign) {
      gaps.push({ origin: table.created, what: `foreign table ${qualified(table.schema, table.name)} (needs its server; not written)` });
    }
  }
  return gaps;
}
