/**
 * Stand-ins for extension types PGlite lacks. Without `vector`, every table with an embedding
 * column fails, and so does every table that references it: verification would stop saying
 * anything useful. The stand-in is a base type with text storage and the same typmod syntax
 * (`vector(1536)`), created in both databases before anything runs; it has no operators and
 * no index methods, so statements that need those still fail, on both sides alike.
 */
import type { PGlite } from '@electric-sql/pglite';

function vectorStandIn(schema: string): string {
  const s = `"${schema.replace(/"/g, '""')}"`;
  return `
create type ${s}.vector;
create function ${s}.vector_in(cstring, oid, integer) returns ${s}.vector language internal immutable strict parallel safe as 'textin';
create function ${s}.vector_out(${s}.vector) returns cstring language internal immutable strict parallel safe as 'textout';
create function ${s}.vector_typmod_in(cstring[]) returns integer language internal immutable strict parallel safe as 'bittypmodin';
create function ${s}.vector_typmod_out(integer) returns cstring language internal immutable strict parallel safe as 'bittypmodout';
create type ${s}.vector (input = ${s}.vector_in, output = ${s}.vector_out, typmod_in = ${s}.vector_typmod_in, typmod_out = ${s}.vector_typmod_out, internallength = variable, storage = extended);
`;
}

const STAND_INS: Record<string, (schema: string) => string> = { vector: vectorStandIn };

/** Creates stand-ins for the missing extensions that have one; returns their names. */
export async function createStandIns(db: PGlite, missing: string[], schema: string): Promise<string[]> {
  const created: string[] = [];
  for (const name of missing) {
    const sql = STAND_INS[name];
    if (!sql) continue;
    await db.exec(sql(schema));
    created.push(name);
  }
  return created;
}
