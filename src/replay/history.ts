/**
 * The ordered record of what each statement did to the schema. Rules read history to see
 * across files: which file created a table, which ones altered it, what was silently ignored.
 */
import type { Origin } from './model.js';

export type EventAction =
  /** The object came into existence. */
  | 'create'
  | 'alter'
  | 'rename'
  | 'drop'
  /** IF [NOT] EXISTS made the statement do nothing at this point of the chain. */
  | 'noop'
  /** PostgreSQL would reject the statement here (already exists, does not exist). */
  | 'error'
  /** INSERT, UPDATE, DELETE, COPY: data, not schema. */
  | 'data'
  /** A statement the model does not interpret; kept, never dropped. */
  | 'uninterpreted';

export type ObjectType = 'table' | 'column' | 'constraint' | 'index' | 'schema' | 'other';

export interface HistoryEvent {
  action: EventAction;
  objectType: ObjectType;
  /** Qualified key of the object; for columns and constraints, of their table. */
  name: string;
  /** Stable identity of the table involved, across renames; null when none. */
  tableId: number | null;
  /** The column or constraint name for column and constraint events. */
  member: string | null;
  origin: Origin;
  /** AST node type of the statement, e.g. `AlterTableStmt`. */
  statementKind: string;
  message: string;
}
