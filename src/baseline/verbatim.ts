/**
 * Where a statement the model does not interpret goes in the baseline, as its original text
 * and in its original order. What tables could be built from (extensions, schemas, types,
 * domains, sequences, roles) goes before the tables; everything else (event triggers, rules,
 * DO blocks, statements on kinds the model does not keep) goes after everything the model
 * writes, where every object they can name exists. Session and transaction control is not
 * carried; SELECT and CALL are data (`SELECT set_config(...)` is session).
 */
import type { Node } from 'libpg-query';
import type { Uninterpreted } from '../replay/model.js';

export type Placement = 'before-tables' | 'after-tables' | 'session' | 'data';

/** Statements that read or change rows; carried, in order, only with `--include-data`. */
const DATA_KINDS = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt', 'SelectStmt', 'CallStmt']);

const BEFORE_TABLES = new Set([
  'CreateExtensionStmt',
  'AlterExtensionStmt',
  'CreateSchemaStmt',
  'CreateEnumStmt',
  'AlterEnumStmt',
  'CompositeTypeStmt',
  'CreateDomainStmt',
  'AlterDomainStmt',
  'CreateRangeStmt',
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'GrantRoleStmt',
  'CreateSeqStmt',
]);

const SESSION = new Set([
  'TransactionStmt',
  'VariableSetStmt',
  'VariableShowStmt',
  'DiscardStmt',
  'CheckPointStmt',
  'VacuumStmt',
  'ExplainStmt',
  'LockStmt',
  'ListenStmt',
  'UnlistenStmt',
  'NotifyStmt',
  'LoadStmt',
  'ReindexStmt',
  'ClusterStmt',
]);

const TYPE_OBJECTS = new Set(['OBJECT_TYPE', 'OBJECT_DOMAIN', 'OBJECT_SCHEMA', 'OBJECT_EXTENSION', 'OBJECT_ROLE', 'OBJECT_COLLATION']);

function field(node: Node, kind: string, name: string): unknown {
  const body = (node as unknown as Record<string, Record<string, unknown> | undefined>)[kind];
  return body?.[name];
}

/** A DO block that only creates or changes types and domains (the `IF NOT EXISTS` idiom). */
function typeOnlyBlock(text: string): boolean {
  return /\b(create|alter)\s+(type|domain)\b/i.test(text) && !/\b(table|function|procedure|policy|trigger|index|view|insert|update|delete)\b/i.test(text);
}

function ownsColumn(node: Node): boolean {
  const options = field(node, 'CreateSeqStmt', 'options');
  return Array.isArray(options) && options.some((option: Node) => field(option, 'DefElem', 'defname') === 'owned_by');
}

export function placementOf(statement: Pick<Uninterpreted, 'kind' | 'text'>, node: Node): Placement {
  const kind = statement.kind;
  if (SESSION.has(kind)) return 'session';
  if (kind === 'SelectStmt') return /^\s*select\s+(pg_catalog\.)?set_config\s*\(/i.test(statement.text) ? 'session' : 'data';
  if (DATA_KINDS.has(kind)) return 'data';
  if (kind === 'CreateSeqStmt') return ownsColumn(node) ? 'after-tables' : 'before-tables';
  if (BEFORE_TABLES.has(kind)) return 'before-tables';
  if (kind === 'DropStmt') return TYPE_OBJECTS.has(String(field(node, kind, 'removeType'))) ? 'before-tables' : 'after-tables';
  if (kind === 'RenameStmt') return TYPE_OBJECTS.has(String(field(node, kind, 'renameType'))) ? 'before-tables' : 'after-tables';
  if (kind === 'DefineStmt') return TYPE_OBJECTS.has(String(field(node, kind, 'kind'))) ? 'before-tables' : 'after-tables';
  if (kind === 'DoStmt') return typeOnlyBlock(statement.text) ? 'before-tables' : 'after-tables';
  return 'after-tables';
}
