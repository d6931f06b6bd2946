/**
 * The ordered record of what each statement did to the schema. Rules read history to see
 * across files: which file created a table, which ones altered it, what was silently ignored.
 */
import type { Origin } from './model.js';
import { reasonText, type Reason } from './reasons.js';

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
  | 'uninterpreted'
  /** No effect on the schema: transaction control, SELECT, NOTIFY, VACUUM, session settings. */
  | 'session';

export type ObjectType =
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'schema'
  | 'extension'
  | 'type'
  | 'sequence'
  | 'view'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'grant'
  | 'comment'
  | 'publication'
  | 'statistics'
  | 'other';

/** What the statement did, or, for a rejection or no-op, why it did nothing. */
export type HistoryEvent = EventBase & (Rejection | Effect);

/** A statement PostgreSQL rejects here, or one IF [NOT] EXISTS made do nothing. */
export interface Rejection {
  action: 'error' | 'noop';
  reason: Reason;
}

export interface Effect {
  action: Exclude<EventAction, 'error' | 'noop'>;
  /** What it did, for a reader: `added column "email"`. */
  message: string;
}

export interface EventBase {
  objectType: ObjectType;
  /**
   * Qualified key of the object; for columns, constraints, triggers and policies, of their
   * table; for functions, the signature key (`public.add(integer, integer)`).
   */
  name: string;
  /** Stable identity of the table involved, across renames; null when none. */
  tableId: number | null;
  /** The column, constraint, trigger or policy name for those events. */
  member: string | null;
  origin: Origin;
  /** AST node type of the statement in the file, e.g. `AlterTableStmt` (`DoStmt` for DDL inside a DO block). */
  statementKind: string;
  /** For a statement replayed from inside another (a DO block's DDL): its own node type. */
  innerKind?: string;
  /**
   * On a statement PostgreSQL rejects in a file its runner applies in one transaction: the file
   * applied nothing, and what it did before this statement is undone in the model.
   */
  rolledBack?: RolledBack;
  /**
   * On an `error` about an object the model does not hold (a platform's `auth.users`), which it
   * otherwise cannot judge: the model knows PostgreSQL rejects the statement all the same (a
   * trigger created there twice). Such a statement changes nothing, and is not carried.
   */
  knownRejection?: true;
}

export interface RolledBack {
  /** Statements of the file before this one, undone. */
  undone: number;
  /** Statements of the file after this one, never run. */
  notRun: number;
}

/** The event as a reader sees it: what it did, or why PostgreSQL rejects it. */
export function eventText(event: HistoryEvent): string {
  return 'reason' in event ? reasonText(event.reason) : event.message;
}
