/**
 * The names of the relations some statement of the chain creates (CREATE TABLE, VIEW, TABLE AS,
 * FOREIGN TABLE), wherever in the chain. A name no statement ever creates belongs to a table
 * made outside the folder (by hand, by a platform): the model cannot tell whether it exists,
 * so a reference to it is not called missing. A name the chain does create, but later or
 * before dropping it, is missing at that point, as PostgreSQL says.
 */
import type { RangeVar } from 'libpg-query';
import type { ParsedFile } from '../parse/index.js';

function createdRelation(node: unknown): RangeVar | undefined {
  const record = node as Record<string, { relation?: RangeVar; view?: RangeVar; into?: { rel?: RangeVar }; base?: { relation?: RangeVar } }>;
  return record.CreateStmt?.relation ?? record.ViewStmt?.view ?? record.CreateTableAsStmt?.into?.rel ?? record.CreateForeignTableStmt?.base?.relation;
}

export function relationsCreatedBy(files: ParsedFile[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const parsed of files) {
    if (!parsed.file.replayed) continue;
    for (const statement of parsed.statements) {
      const relation = createdRelation(statement.node);
      if (relation?.relname) names.add(relation.relname);
    }
  }
  return names;
}
