import type { Node, TypeName } from 'libpg-query';
import type { Statement } from '../parse/index.js';
import type { SourcePositions } from '../parse/positions.js';
import type { Effect, EventBase, HistoryEvent, Rejection } from './history.js';
import { qualifiedName, type Change, type Origin, type SchemaModel, type Table } from './model.js';
import { stringsOf } from './sql-text.js';

type DraftBase = Omit<EventBase, 'origin' | 'statementKind' | 'tableId' | 'member'> & Partial<Pick<EventBase, 'tableId' | 'member'>>;
export type EventDraft = DraftBase & (Rejection | Effect);

/** Replays one statement found inside another (DDL inside a DO block). */
export type NestedReplay = (node: Node, text: string, ctx: ReplayContext) => void;

/** What a statement handler sees: the model to change and a way to record what it did. */
export class ReplayContext {
  /**
   * Inside a DO block guarded by IF / EXCEPTION, a statement PostgreSQL would reject was most
   * likely skipped by the guard: its `error` becomes a `noop`.
   */
  guarded = false;
  /** The statement as it stands in the file, when this one was found inside it. */
  private outer: Statement | null = null;

  constructor(
    readonly schema: SchemaModel,
    readonly statement: Statement,
    readonly origin: Origin,
    private readonly events: HistoryEvent[],
    private readonly ids: { next: number },
    private readonly positions: SourcePositions | null,
    readonly nested: NestedReplay | null = null,
    /** Names of the relations some statement of the chain creates (see created-relations.ts). */
    readonly chainCreates: Pick<ReadonlySet<string>, 'has'> = new Set(),
  ) {}

  emit(draft: EventDraft): void {
    const place = { origin: this.origin, statementKind: this.outer?.kind ?? this.statement.kind, ...(this.outer ? { innerKind: this.statement.kind } : {}) };
    if (this.guarded && draft.action === 'error') {
      this.events.push({ tableId: null, member: null, ...draft, action: 'noop', reason: { code: 'guarded', cause: draft.reason }, ...place });
      return;
    }
    this.events.push({ tableId: null, member: null, ...draft, ...place });
  }

  /** What the chain did so far, oldest first. */
  historySoFar(): readonly HistoryEvent[] {
    return this.events;
  }

  /** Whether this statement was found inside another one (a DO block's DDL). */
  isNested(): boolean {
    return this.outer !== null;
  }

  /** A context for a statement found inside this one (a DO block's DDL), at the same origin. */
  child(statement: Statement): ReplayContext {
    const child = new ReplayContext(this.schema, statement, this.origin, this.events, this.ids, null, this.nested, this.chainCreates);
    child.guarded = this.guarded;
    child.outer = this.outer ?? this.statement;
    return child;
  }

  /** A table with nothing in it yet, created by this statement, with a fresh stable id. */
  newTable(key: string, overrides: Partial<Table> = {}): Table {
    const [schema, ...rest] = key.split('.');
    return {
      id: this.newTableId(),
      schema: schema!,
      name: rest.join('.'),
      columns: [],
      constraints: [],
      rlsEnabled: false,
      rlsForced: false,
      partitionOf: null,
      partitionBy: null,
      created: this.origin,
      changes: [],
      partitionBound: null,
      inherits: [],
      policies: [],
      triggers: [],
      owner: null,
      comment: null,
      foreign: false,
      ...overrides,
    };
  }

  newTableId(): number {
    return this.ids.next++;
  }

  /** The schema a new object goes to: the one named, or the first on the search path. */
  schemaForCreate(schemaName: string | undefined): string {
    return schemaName ?? this.schema.searchPath[0] ?? 'public';
  }

  /** The key a new object gets: its schema, or the first schema on the search path. */
  keyForCreate(schemaName: string | undefined, name: string): string {
    return qualifiedName(this.schemaForCreate(schemaName), name);
  }

  /** Where an unqualified name is looked up: the search path, then pg_catalog. */
  lookupSchemas(schemaName: string | undefined): string[] {
    return schemaName ? [schemaName] : this.schema.searchPath;
  }

  /**
   * A type name as written, with the schema a bare name of a type the migrations made resolves
   * to along the search path: format_type prints it qualified outside `public`, and the baseline
   * must not depend on the search path the migration ran with.
   */
  qualifyType(typeName: TypeName): TypeName {
    const names = stringsOf(typeName.names);
    const key = names.length === 1 ? this.findKey(this.schema.types, undefined, names[0]!) : null;
    const schema = key ? this.schema.types.get(key)!.schema : 'public';
    return schema === 'public' ? typeName : { ...typeName, names: [{ String: { sval: schema } }, ...(typeName.names ?? [])] };
  }

  /** The key of an existing table, found along the search path; null if none has that name. */
  findTable(schemaName: string | undefined, name: string): Table | null {
    if (schemaName) return this.schema.tables.get(qualifiedName(schemaName, name)) ?? null;
    for (const schema of this.schema.searchPath) {
      const table = this.schema.tables.get(qualifiedName(schema, name));
      if (table) return table;
    }
    return null;
  }

  /** The key under which `map` holds `name`, looked up along the search path; null if none. */
  findKey<T>(map: Map<string, T>, schemaName: string | undefined, name: string): string | null {
    for (const schema of this.lookupSchemas(schemaName)) {
      const key = qualifiedName(schema, name);
      if (map.has(key)) return key;
    }
    return null;
  }

  /** Whether a table, view, sequence or index already uses this key (one namespace in PostgreSQL). */
  relationExists(key: string): boolean {
    const { tables, views, sequences, indexes } = this.schema;
    return tables.has(key) || views.has(key) || sequences.has(key) || indexes.has(key);
  }

  /** Records a change on an object's provenance and returns it. */
  change(target: { changes: Change[] }, description: string): Change {
    const change = { origin: this.origin, description };
    target.changes.push(change);
    return change;
  }

  /** Where a node with a `location` byte offset stands; the statement's start without one. */
  originOf(location: number | undefined): Origin {
    if (location === undefined || location < 0 || this.positions === null) return this.origin;
    return { ...this.origin, ...this.positions.positionOfByte(location) };
  }

  /** Keeps a statement the model does not represent, in order, with its location. */
  keepUninterpreted(note?: string): void {
    const statement = this.outer ?? this.statement;
    if (this.outer && this.schema.uninterpreted.some((kept) => kept.origin === this.origin && kept.text === statement.text)) return;
    this.schema.uninterpreted.push({
      origin: this.origin,
      kind: statement.kind,
      text: statement.text,
      ...(note ? { note } : {}),
    });
    this.emit({
      action: 'uninterpreted',
      objectType: 'other',
      name: '',
      message: note ? `${statement.kind} is kept verbatim: ${note}` : `${this.statement.kind} is not modelled`,
    });
  }

  /**
   * A role statement a DO block runs (roles are cluster-wide, outside the schema model): the
   * statement itself is kept, as the block built it, not the whole block. Under a condition the
   * model cannot tell (`IF NOT EXISTS (SELECT FROM pg_roles ...)`), it is wrapped so that a role
   * that exists already (or no longer does) is left alone, as the condition would have.
   */
  keepInnerRoleStatement(): void {
    const text = this.guarded
      ? `DO $role$ BEGIN ${this.statement.text}; EXCEPTION WHEN duplicate_object OR undefined_object THEN NULL; END $role$`
      : this.statement.text;
    this.schema.uninterpreted.push({ origin: this.origin, kind: this.statement.kind, text, note: 'roles are cluster-wide, outside the schema model' });
    this.emit({ action: 'uninterpreted', objectType: 'other', name: '', message: `${this.statement.kind} is kept verbatim: roles are cluster-wide, outside the schema model` });
  }

  /** A statement with no effect on the schema (transaction control, queries, session settings). */
  /**
   * Records that the relation a statement names does not exist at this point of the chain
   * (PostgreSQL: relation "x" does not exist); a no-op with IF EXISTS.
   */
  relationMissing(
    relation: { schemaname?: string | undefined; relname?: string | undefined } | undefined,
    objectType: HistoryEvent['objectType'],
    options: { missingOk?: boolean | undefined; member?: string } = {},
  ): void {
    const missing = this.keyForCreate(relation?.schemaname, relation?.relname ?? '');
    this.emit({
      action: options.missingOk ? 'noop' : 'error',
      objectType,
      name: missing,
      ...(options.member !== undefined ? { member: options.member } : {}),
      reason: { code: 'missing', kind: 'relation', name: missing },
    });
  }

  session(): void {
    this.emit({ action: 'session', objectType: 'other', name: '', message: `${this.statement.kind} does not change the schema` });
  }
}
