import type { Statement } from '../parse/index.js';
import type { SourcePositions } from '../parse/positions.js';
import type { HistoryEvent } from './history.js';
import { qualifiedName, type Origin, type SchemaModel, type Table } from './model.js';

export type EventDraft = Omit<HistoryEvent, 'origin' | 'statementKind' | 'tableId' | 'member'> &
  Partial<Pick<HistoryEvent, 'tableId' | 'member'>>;

/** What a statement handler sees: the model to change and a way to record what it did. */
export class ReplayContext {
  constructor(
    readonly schema: SchemaModel,
    readonly statement: Statement,
    readonly origin: Origin,
    private readonly events: HistoryEvent[],
    private readonly ids: { next: number },
    private readonly positions: SourcePositions | null,
  ) {}

  emit(draft: EventDraft): void {
    this.events.push({
      tableId: null,
      member: null,
      ...draft,
      origin: this.origin,
      statementKind: this.statement.kind,
    });
  }

  newTableId(): number {
    return this.ids.next++;
  }

  /** The key a new object gets: its schema, or the first schema on the search path. */
  keyForCreate(schemaName: string | undefined, name: string): string {
    return qualifiedName(schemaName ?? this.schema.searchPath[0] ?? 'public', name);
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

  /** Where a node with a `location` byte offset stands; the statement's start without one. */
  originOf(location: number | undefined): Origin {
    if (location === undefined || location < 0 || this.positions === null) return this.origin;
    return { ...this.origin, ...this.positions.positionOfByte(location) };
  }

  /** Keeps a statement the model does not represent, in order, with its location. */
  keepUninterpreted(): void {
    this.schema.uninterpreted.push({ origin: this.origin, kind: this.statement.kind, text: this.statement.text });
    this.emit({ action: 'uninterpreted', objectType: 'other', name: '', message: `${this.statement.kind} is not modelled` });
  }
}
