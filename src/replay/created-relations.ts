/**
 * The names of the relations some statement of the chain creates (CREATE TABLE, VIEW, TABLE AS,
 * FOREIGN TABLE), wherever in the chain, at the top level or in a DO block's static SQL. A name
 * no statement ever creates belongs to a table made outside the folder (by hand, by a platform): the model cannot tell whether it exists,
 * so a reference to it is not called missing. A name the chain does create, but later or
 * before dropping it, is missing at that point, as PostgreSQL says.
 */
import type { RangeVar } from 'libpg-query';
import type { ParsedFile, Statement } from '../parse/index.js';
import { parsePlPgSQLSync, parseSync } from '../parse/wasm.js';

function createdRelation(node: unknown): RangeVar | undefined {
  const record = node as Record<string, { relation?: RangeVar; view?: RangeVar; into?: { rel?: RangeVar }; base?: { relation?: RangeVar } }>;
  return record.CreateStmt?.relation ?? record.ViewStmt?.view ?? record.CreateTableAsStmt?.into?.rel ?? record.CreateForeignTableStmt?.base?.relation;
}

/** The static SQL of a DO block's PL/pgSQL, at any depth (a CREATE TABLE inside IF ... END IF too). */
function doBlockQueries(text: string): string[] {
  const queries: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    const query = (record.PLpgSQL_stmt_execsql as { sqlstmt?: { PLpgSQL_expr?: { query?: string } } } | undefined)?.sqlstmt?.PLpgSQL_expr?.query;
    if (query) queries.push(query);
    Object.values(record).forEach(visit);
  };
  try {
    visit(parsePlPgSQLSync(text));
  } catch {
    // A block that does not parse creates nothing the replay can see either.
  }
  return queries;
}

/** The nodes a statement runs: itself, or a DO block's static statements. */
function nodesOf(statement: Statement): unknown[] {
  if (statement.kind !== 'DoStmt') return [statement.node];
  return doBlockQueries(statement.text).flatMap((query) => {
    try {
      return (parseSync(query).stmts ?? []).flatMap((raw) => (raw.stmt ? [raw.stmt] : []));
    } catch {
      return [];
    }
  });
}

export function relationsCreatedBy(files: ParsedFile[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const parsed of files) {
    if (!parsed.file.replayed) continue;
    for (const statement of parsed.statements) {
      for (const node of nodesOf(statement)) {
        const relation = createdRelation(node);
        if (relation?.relname) names.add(relation.relname);
      }
    }
  }
  return names;
}
