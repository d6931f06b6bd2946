/**
 * What the rules ask of a replayed folder, answered once per run: each fact is built on the first
 * question and kept, so that rules no longer loop over the whole history or every statement to
 * join the parsed files, the history and the final model themselves.
 */
import { replayedStatements, type Located } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';
import type { Preset } from '../presets.js';
import type { EventAction, HistoryEvent, ObjectType } from '../replay/history.js';
import type { Grant, Origin, SchemaModel, Table } from '../replay/index.js';
import { BlindSpots } from './blind-spots.js';
import { rolesOfExtension } from './extension-roles.js';
import { statementAt, tableCreations } from './history-queries.js';
import { livePolicyClauses, type PolicyClause } from './policy-statements.js';
import { RefusedCreates } from './refused-creates.js';
import { createdRoles, referencesOf, RelationTimeline, roleReferencesOf, type RelationReference, type RoleReference } from './relations.js';

/** A statement of a replayed file with the relations and roles it needs to exist. */
export interface StatementReferences {
  place: Located;
  relations: RelationReference[];
  roles: RoleReference[];
}

export class Facts {
  #eventsByType: Map<ObjectType, HistoryEvent[]> | undefined;
  readonly #events = new Map<string, HistoryEvent[]>();
  #tableCreations: Map<number, Origin> | undefined;
  #tablesById: Map<number, Table> | undefined;
  #relations: RelationTimeline | undefined;
  #references: StatementReferences[] | undefined;
  #createdRoles: Set<string> | undefined;
  #refusedCreates: RefusedCreates | undefined;
  #blindSpots: BlindSpots | undefined;
  #policyClauses: PolicyClause[] | undefined;
  #grantsByObject: Map<string, Grant[]> | undefined;

  constructor(
    private readonly files: ParsedFile[],
    private readonly history: HistoryEvent[],
    private readonly schema: SchemaModel,
    private readonly preset: Preset,
  ) {}

  /** The events about objects of this type (any type for null), in history order; only of these actions when given. */
  events(objectType: ObjectType | null, ...actions: EventAction[]): HistoryEvent[] {
    const key = `${objectType ?? '*'}:${actions.join(',')}`;
    let found = this.#events.get(key);
    if (!found) {
      const ofType = objectType === null ? this.history : (this.eventsByType.get(objectType) ?? []);
      found = actions.length === 0 ? ofType : ofType.filter((event) => actions.includes(event.action));
      this.#events.set(key, found);
    }
    return found;
  }

  private get eventsByType(): Map<ObjectType, HistoryEvent[]> {
    if (!this.#eventsByType) {
      this.#eventsByType = new Map();
      for (const event of this.history) {
        const ofType = this.#eventsByType.get(event.objectType);
        if (ofType) ofType.push(event);
        else this.#eventsByType.set(event.objectType, [event]);
      }
    }
    return this.#eventsByType;
  }

  /**
   * The last event of each object of this type that `defines` accepts, by the object's key: where
   * the definition in force at the end of the chain was written.
   */
  lastDefinitions(objectType: ObjectType, defines: (event: HistoryEvent) => boolean): Map<string, HistoryEvent> {
    const last = new Map<string, HistoryEvent>();
    for (const event of this.events(objectType)) if (defines(event)) last.set(event.name, event);
    return last;
  }

  /** The final model's grants on an object, by its key (`public.users`). */
  grantsOn(object: string): Grant[] {
    if (!this.#grantsByObject) {
      this.#grantsByObject = new Map();
      for (const grant of this.schema.grants) {
        const onObject = this.#grantsByObject.get(grant.object);
        if (onObject) onObject.push(grant);
        else this.#grantsByObject.set(grant.object, [grant]);
      }
    }
    return this.#grantsByObject.get(object) ?? [];
  }

  /** The statement an event or a model object comes from (events carry their place as an origin). */
  statementAt(origin: Origin): Located | null {
    return statementAt(this.files, origin);
  }

  /** Where each table (by its stable id) was first created. */
  get tableCreations(): Map<number, Origin> {
    return (this.#tableCreations ??= tableCreations(this.history));
  }

  /** True when the table an event touches was created in an earlier file: it may hold rows. */
  existedBeforeFile(event: HistoryEvent): boolean {
    if (event.tableId === null) return false;
    const created = this.tableCreations.get(event.tableId);
    return created !== undefined && created.fileOrder < event.origin.fileOrder;
  }

  /** The table of the final model with this stable id; null when it no longer exists. */
  table(id: number | null): Table | null {
    if (id === null) return null;
    if (!this.#tablesById) {
      this.#tablesById = new Map();
      for (const table of this.schema.tables.values()) if (!this.#tablesById.has(table.id)) this.#tablesById.set(table.id, table);
    }
    return this.#tablesById.get(id) ?? null;
  }

  /** Where each relation first exists along the chain. */
  get relations(): RelationTimeline {
    return (this.#relations ??= new RelationTimeline(this.files, this.history));
  }

  /** Every replayed statement that needs relations or roles to exist, with what it needs. */
  get references(): StatementReferences[] {
    if (!this.#references) {
      this.#references = [];
      for (const place of replayedStatements(this.files)) {
        const relations = referencesOf(place);
        const roles = roleReferencesOf(place);
        if (relations.length > 0 || roles.length > 0) this.#references.push({ place, relations, roles });
      }
    }
    return this.#references;
  }

  /** Roles the folder creates: CREATE ROLE, USER or GROUP, and CREATE EXTENSION of an extension that makes roles. */
  get createdRoles(): Set<string> {
    if (!this.#createdRoles) {
      this.#createdRoles = createdRoles(this.files);
      for (const event of this.events('extension', 'create')) for (const role of rolesOfExtension(event.name)) this.#createdRoles.add(role);
    }
    return this.#createdRoles;
  }

  /** Relations whose CREATE PostgreSQL refuses, or rolls back with its file. */
  get refusedCreates(): RefusedCreates {
    return (this.#refusedCreates ??= new RefusedCreates(this.files, this.history));
  }

  /** Rejections the replay makes where PostgreSQL, which sees more, would not. */
  get blindSpots(): BlindSpots {
    return (this.#blindSpots ??= new BlindSpots(this.files, this.history, this.schema, this.preset));
  }

  /** The USING and WITH CHECK expressions of the policies in force at the end of the chain. */
  get policyClauses(): PolicyClause[] {
    return (this.#policyClauses ??= livePolicyClauses(this.files, this.schema, this.preset));
  }
}
