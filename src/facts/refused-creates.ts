/**
 * Relations the chain tries to create where PostgreSQL refuses: a CREATE TABLE or VIEW it rejects
 * (at the top level or inside a DO block), or one in a file its runner applies in one transaction
 * and that another statement of the file undid. What uses such a relation later fails because of
 * that CREATE, which is what a finding should name, not "no migration creates it".
 */
import type { RangeVar } from 'libpg-query';
import { nodeOf, originOf, relationKey } from '../ast.js';
import type { ParsedFile, Statement } from '../parse/index.js';
import type { HistoryEvent, Origin } from '../replay/index.js';

const CREATING_KINDS = new Set(['CreateStmt', 'ViewStmt', 'CreateTableAsStmt', 'CreateForeignTableStmt']);

export interface RefusedCreate {
  /** Where the CREATE is. */
  origin: Origin;
  /** The rejection: the CREATE's own, or the statement that undid its file. */
  rejection: HistoryEvent;
}

function createdRelation(statement: Statement): RangeVar | undefined {
  return (
    nodeOf(statement, 'CreateStmt')?.relation ??
    nodeOf(statement, 'ViewStmt')?.view ??
    nodeOf(statement, 'CreateTableAsStmt')?.into?.rel ??
    nodeOf(statement, 'CreateForeignTableStmt')?.base?.relation
  );
}

export class RefusedCreates {
  private readonly byKey = new Map<string, RefusedCreate>();
  private readonly byName = new Map<string, RefusedCreate>();

  constructor(files: ParsedFile[], history: HistoryEvent[]) {
    for (const event of history) {
      if (event.action !== 'error') continue;
      const kind = event.innerKind ?? event.statementKind;
      if ((event.objectType === 'table' || event.objectType === 'view') && CREATING_KINDS.has(kind)) this.record(event.name, { origin: event.origin, rejection: event });
      if (!event.rolledBack) continue;
      const parsed = files.find((file) => file.file.order === event.origin.fileOrder);
      for (const statement of parsed?.statements ?? []) {
        const relation = createdRelation(statement);
        if (relation && statement.index !== event.origin.statementIndex) this.record(relationKey(relation), { origin: originOf({ file: parsed!, statement }), rejection: event });
      }
    }
  }

  private record(key: string, refused: RefusedCreate): void {
    if (!this.byKey.has(key)) this.byKey.set(key, refused);
    const name = key.slice(key.indexOf('.') + 1);
    if (!this.byName.has(name)) this.byName.set(name, refused);
  }

  /** The first refused CREATE of the relation; an unqualified name matches it in any schema. */
  of(relation: RangeVar): RefusedCreate | null {
    if (relation.schemaname) return this.byKey.get(relationKey(relation)) ?? null;
    return this.byName.get(relation.relname ?? '') ?? null;
  }
}
