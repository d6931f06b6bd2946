/**
 * Replays parsed files, in the order a runner applies them, into a schema model and a history.
 * Pure: no I/O, never throws on odd input; a statement PostgreSQL would reject becomes an
 * `error` event and replay goes on.
 */
import type { Node } from 'libpg-query';
import type { ParsedFile, ParseProblem, Statement } from '../parse/index.js';
import type { Preset } from '../presets.js';
import { ReplayContext } from './context.js';
import { relationsCreatedBy } from './created-relations.js';
import { rejectsForCertain } from './rollback.js';
import { refusedInTransactionBlock, runsInTransactionBlock } from '../transaction-block.js';
import { alterTable } from './handlers/alter-table.js';
import { callingStatement } from './handlers/calls.js';
import { createIndex } from './handlers/create-index.js';
import { createForeignTable, createTable } from './handlers/create-table.js';
import { dataChange } from './handlers/data.js';
import { doBlock } from './handlers/do-block.js';
import { drop } from './handlers/drop.js';
import { alterFunction, createFunction } from './handlers/functions.js';
import { alterDefaultPrivileges, grant, seedPrivileges } from './handlers/grants.js';
import { alterOwner, alterPublication, comment, createExtension, createPublication, createSchema } from './handlers/objects.js';
import { rename } from './handlers/rename.js';
import { alterSequence, createSequence } from './handlers/sequences.js';
import { setSchema } from './handlers/set-schema.js';
import { setVariable } from './handlers/set.js';
import { alterPolicy, createPolicy, createTrigger } from './handlers/triggers-policies.js';
import { alterDomain, alterEnum, createComposite, createDomain, createEnum, createRange } from './handlers/types.js';
import { createStatistics } from './handlers/statistics.js';
import { createTableAs, createView } from './handlers/views.js';
import type { HistoryEvent } from './history.js';
import { emptySchema, type SchemaModel } from './model.js';

export type { HistoryEvent } from './history.js';
export type * from './model.js';

type StatementKind = Node extends infer N ? (N extends Record<infer K, unknown> ? K : never) : never;
type NodeOf<K extends StatementKind> = Extract<Node, Record<K, unknown>>[K];
type Handlers = { [K in StatementKind]?: (statement: NodeOf<K>, ctx: ReplayContext) => void };

const session = (_statement: unknown, ctx: ReplayContext) => ctx.session();
const roleStatement = (_statement: unknown, ctx: ReplayContext) =>
  ctx.isNested() ? ctx.keepInnerRoleStatement() : ctx.keepUninterpreted('roles are cluster-wide, outside the schema model');

/** One handler per statement kind; a kind without one is kept as an uninterpreted statement. */
const HANDLERS: Handlers = {
  CreateStmt: (statement, ctx) => createTable(statement, ctx),
  CreateForeignTableStmt: createForeignTable,
  AlterTableStmt: alterTable,
  IndexStmt: createIndex,
  DropStmt: drop,
  RenameStmt: rename,
  AlterObjectSchemaStmt: setSchema,
  AlterOwnerStmt: alterOwner,
  VariableSetStmt: setVariable,
  CreateSchemaStmt: createSchema,
  CreateExtensionStmt: createExtension,
  CreateEnumStmt: createEnum,
  CompositeTypeStmt: createComposite,
  CreateDomainStmt: createDomain,
  CreateRangeStmt: createRange,
  AlterEnumStmt: alterEnum,
  AlterDomainStmt: alterDomain,
  CreateSeqStmt: createSequence,
  AlterSeqStmt: alterSequence,
  ViewStmt: createView,
  CreateTableAsStmt: createTableAs,
  CreateStatsStmt: createStatistics,
  CreateFunctionStmt: createFunction,
  AlterFunctionStmt: alterFunction,
  CreateTrigStmt: createTrigger,
  CreatePolicyStmt: createPolicy,
  AlterPolicyStmt: alterPolicy,
  GrantStmt: grant,
  AlterDefaultPrivilegesStmt: alterDefaultPrivileges,
  CommentStmt: comment,
  CreatePublicationStmt: createPublication,
  AlterPublicationStmt: alterPublication,
  DoStmt: doBlock,
  InsertStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  UpdateStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  DeleteStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  MergeStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  CopyStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  RefreshMatViewStmt: (statement, ctx) => dataChange(statement.relation, ctx),
  TruncateStmt: (statement, ctx) => {
    const first = statement.relations?.[0];
    dataChange(first && 'RangeVar' in first ? first.RangeVar : undefined, ctx);
  },
  CreateRoleStmt: roleStatement,
  AlterRoleStmt: roleStatement,
  AlterRoleSetStmt: roleStatement,
  DropRoleStmt: roleStatement,
  GrantRoleStmt: roleStatement,
  TransactionStmt: session,
  SelectStmt: callingStatement,
  CallStmt: callingStatement,
  NotifyStmt: session,
  ListenStmt: session,
  UnlistenStmt: session,
  LockStmt: session,
  VacuumStmt: session,
  CheckPointStmt: session,
  DiscardStmt: session,
  ExplainStmt: session,
  ReindexStmt: session,
  ClusterStmt: session,
  VariableShowStmt: session,
  PrepareStmt: session,
  DeallocateStmt: session,
  ConstraintsSetStmt: session,
  LoadStmt: session,
  DeclareCursorStmt: session,
  FetchStmt: session,
  ClosePortalStmt: session,
  ExecuteStmt: session,
};

/** Runs the statement's handler; an unexpected exception keeps the statement verbatim instead of crashing. */
function dispatch(kind: string, node: unknown, ctx: ReplayContext): void {
  const handler = HANDLERS[kind as StatementKind] as ((node: unknown, ctx: ReplayContext) => void) | undefined;
  if (!handler) return ctx.keepUninterpreted();
  try {
    handler(node, ctx);
  } catch (error) {
    ctx.keepUninterpreted(`replay could not interpret it (${(error as Error).message})`);
  }
}

/** Replays a statement found inside another one (DO block DDL, CREATE SCHEMA elements). */
function replayNested(node: Node, text: string, parent: ReplayContext): void {
  const kind = Object.keys(node)[0] ?? '';
  const statement: Statement = { ...parent.statement, kind, node, text };
  dispatch(kind, (node as Record<string, unknown>)[kind], parent.child(statement));
}

export interface Replay {
  schema: SchemaModel;
  history: HistoryEvent[];
}

/**
 * A file its runner applies in one transaction, with text PostgreSQL cannot parse: nothing in
 * it applies. Recorded at the text, with the file's statements as rolled back or never run.
 */
function unparsedFileRejection(parsed: ParsedFile, problem: ParseProblem): HistoryEvent {
  const following = parsed.statements.findIndex((statement) => statement.line > problem.line);
  const before = following === -1 ? parsed.statements.length : following;
  return {
    action: 'error',
    objectType: 'other',
    name: '',
    tableId: null,
    member: null,
    origin: { path: parsed.file.path, fileOrder: parsed.file.order, statementIndex: before, line: problem.line, column: problem.column },
    statementKind: 'Unparsed',
    reason: { code: 'syntax', text: problem.message },
    rolledBack: { undone: before, notRun: parsed.statements.length - before },
  };
}

/** What a replay has built so far; replayed files only add to it. */
interface State {
  schema: SchemaModel;
  history: HistoryEvent[];
  ids: { next: number };
  chainCreates: ChainCreates;
  /** A file's rejection events, once it is known to be undone by its transaction: replayed as those alone. */
  undone: Map<ParsedFile, HistoryEvent[]>;
}

/**
 * The relations the chain creates (see created-relations.ts), remembering each name the replay
 * asked about and the answer: the only way a later file reaches into the replay of earlier ones.
 */
class ChainCreates {
  readonly asked = new Map<string, boolean>();

  constructor(private readonly names: ReadonlySet<string>) {}

  has(name: string): boolean {
    const answer = this.names.has(name);
    this.asked.set(name, answer);
    return answer;
  }
}

/**
 * The replay after its first `files` replayed files, to resume from in a later run whose first
 * files are the same (see replay-checkpoint.ts).
 */
export interface ReplayProgress {
  files: number;
  /** The names the replay of those files asked the chain's creations about, and the answers. */
  chainAnswers: [string, boolean][];
  schema: SchemaModel;
  history: HistoryEvent[];
  nextId: number;
}

export interface ReplayOptions {
  /**
   * Progress of an earlier replay over the same first files, in a form read anew at each call
   * (the replay changes what it gets); ignored when the later files change what it saw, and then
   * told so (`unused`), to let go of what it holds.
   */
  resume?: { files: number; chainAnswers: [string, boolean][]; load: () => ReplayProgress; unused: () => void } | null | undefined;
  /** Called with the replay's progress once it has replayed this many files (live objects: copy them before returning). */
  progressAt?: { files: number; take: (progress: ReplayProgress) => void } | undefined;
}

/**
 * Replays one file into the state. Returns the events that undo it: PostgreSQL rejects one of its
 * statements and its runner applies it in one transaction (the state then holds part of it).
 */
function replayFile(parsed: ParsedFile, state: State): HistoryEvent[] | null {
  const { schema, history } = state;
  schema.searchPath = ['public'];
  const undone = state.undone.get(parsed);
  if (undone) {
    history.push(...undone);
    return null;
  }
  const inBlock = runsInTransactionBlock(parsed);
  if (inBlock && parsed.problems.length > 0) {
    history.push(unparsedFileRejection(parsed, parsed.problems[0]!));
    return null;
  }
  for (const [position, statement] of parsed.statements.entries()) {
    const origin = {
      path: parsed.file.path,
      fileOrder: parsed.file.order,
      statementIndex: statement.index,
      line: statement.line,
      column: statement.column,
    };
    const firstEvent = history.length;
    const ctx = new ReplayContext(schema, statement, origin, history, state.ids, parsed.positions, replayNested, state.chainCreates);
    const refused = inBlock ? refusedInTransactionBlock(statement) : null;
    if (refused) ctx.emit({ action: 'error', objectType: 'other', name: '', knownRejection: true, reason: { code: 'in-transaction-block', command: refused } });
    else dispatch(statement.kind, (statement.node as Record<string, unknown>)[statement.kind], ctx);
    if (!inBlock) continue;
    const rejections = history.slice(firstEvent).filter((event) => rejectsForCertain(event, schema));
    if (rejections.length === 0) continue;
    const rolledBack = { undone: position, notRun: parsed.statements.length - position - 1 };
    return rejections.map((event) => ({ ...event, rolledBack }));
  }
  return null;
}

/** `preset`: the platform the files run on, whose grants and default privileges are in force from the start. */
export function replay(files: ParsedFile[], preset: Preset = 'none', options: ReplayOptions = {}): Replay {
  const startSchema = () => {
    const schema = emptySchema();
    seedPrivileges(schema, preset);
    return schema;
  };
  const replayed = files.filter((parsed) => parsed.file.replayed);
  const chainCreates = new ChainCreates(relationsCreatedBy(files));
  const resume = options.resume && resumable(options.resume, chainCreates, replayed.length) ? options.resume : null;
  if (!resume) options.resume?.unused();
  const start = resume ? resume.load() : { schema: startSchema(), history: [], nextId: 1 };
  const state: State = { schema: start.schema, history: start.history, ids: { next: start.nextId }, chainCreates, undone: new Map() };
  // The state before the last file a transaction undid (or before the first file, or where the
  // replay resumed): copying the model before every file costs more than the whole replay, so an
  // undone file is replayed again from here, up to the statement before it, and a new copy taken there.
  let checkpoint = {
    index: resume?.files ?? 0,
    schema: resume ? () => resume.load().schema : startSchema,
    events: state.history.length,
    nextId: state.ids.next,
  };
  let progressTaken = resume !== null && resume.files === options.progressAt?.files;
  for (let index = checkpoint.index; index < replayed.length; index++) {
    if (!progressTaken && index === options.progressAt?.files) {
      progressTaken = true;
      const { schema, history, ids } = state;
      options.progressAt.take({ files: index, schema, history, nextId: ids.next, chainAnswers: [...chainCreates.asked] });
    }
    const undone = replayFile(replayed[index]!, state);
    if (!undone) continue;
    state.undone.set(replayed[index]!, undone);
    state.schema = checkpoint.schema();
    state.history.length = checkpoint.events;
    state.ids.next = checkpoint.nextId;
    for (let earlier = checkpoint.index; earlier < index; earlier++) replayFile(replayed[earlier]!, state);
    const copy = structuredClone(state.schema);
    checkpoint = { index, schema: () => copy, events: state.history.length, nextId: state.ids.next };
    index--;
  }
  return { schema: state.schema, history: state.history };
}

/** Whether this run's files would have had the earlier replay ask the chain the same questions with the same answers. */
function resumable(progress: { files: number; chainAnswers: [string, boolean][] }, chainCreates: ChainCreates, replayedFiles: number): boolean {
  return progress.files <= replayedFiles && progress.chainAnswers.every(([name, answer]) => chainCreates.has(name) === answer);
}
