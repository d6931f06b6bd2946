/**
 * Replays parsed files, in the order a runner applies them, into a schema model and a history.
 * Pure: no I/O, never throws on odd input; a statement PostgreSQL would reject becomes an
 * `error` event and replay goes on.
 */
import type { Node } from 'libpg-query';
import type { ParsedFile } from '../parse/index.js';
import { ReplayContext } from './context.js';
import { alterTable } from './handlers/alter-table.js';
import { createIndex } from './handlers/create-index.js';
import { createTable } from './handlers/create-table.js';
import { dataChange } from './handlers/data.js';
import { drop } from './handlers/drop.js';
import { rename } from './handlers/rename.js';
import { setVariable } from './handlers/set.js';
import type { HistoryEvent } from './history.js';
import { emptySchema, type SchemaModel } from './model.js';

export type { HistoryEvent } from './history.js';
export type * from './model.js';

type StatementKind = Node extends infer N ? (N extends Record<infer K, unknown> ? K : never) : never;
type NodeOf<K extends StatementKind> = Extract<Node, Record<K, unknown>>[K];
type Handlers = { [K in StatementKind]?: (statement: NodeOf<K>, ctx: ReplayContext) => void };

/** One handler per statement kind; a kind without one is kept as an uninterpreted statement. */
const HANDLERS: Handlers = {
  CreateStmt: createTable,
  AlterTableStmt: alterTable,
  IndexStmt: createIndex,
  DropStmt: drop,
  RenameStmt: rename,
  VariableSetStmt: setVariable,
  InsertStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  UpdateStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  DeleteStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  MergeStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  CopyStmt: (statement, ctx) => dataChange(statement.relation, ctx),
};

export interface Replay {
  schema: SchemaModel;
  history: HistoryEvent[];
}

export function replay(files: ParsedFile[]): Replay {
  const schema = emptySchema();
  const history: HistoryEvent[] = [];
  const ids = { next: 1 };
  for (const parsed of files) {
    if (!parsed.file.replayed) continue;
    schema.searchPath = ['public'];
    for (const statement of parsed.statements) {
      const origin = {
        path: parsed.file.path,
        fileOrder: parsed.file.order,
        statementIndex: statement.index,
        line: statement.line,
        column: statement.column,
      };
      const ctx = new ReplayContext(schema, statement, origin, history, ids, parsed.positions);
      const kind = statement.kind as StatementKind;
      const handler = HANDLERS[kind] as ((node: unknown, ctx: ReplayContext) => void) | undefined;
      if (handler) handler((statement.node as Record<string, unknown>)[kind], ctx);
      else ctx.keepUninterpreted();
    }
  }
  return { schema, history };
}
