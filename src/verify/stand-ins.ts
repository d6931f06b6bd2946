/**
 * Stand-ins for extension types PGlite lacks. Without `vector`, every table with an embedding
 * column fails, and so does every table that references it: verification would stop saying
 * anything useful. The stand-in is a base type with text storage and the same typmod syntax
 * (`vector(1536)`), created in both databases before anything runs; it has no operators and
 * no index methods, so statements that need those still fail, on both sides alike.
 */
import type { PGlite } from '@electric-sql/pglite';
import { nodeOf } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';

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

/**
 * Where the chain installs an extension: the schema its first CREATE EXTENSION names (a pg_dump
 * writes `WITH SCHEMA public` and then `"public"."vector"`) when that schema exists before the
 * chain runs (`existing`), else `fallback`.
 */
export function extensionSchema(chain: ParsedFile[], name: string, fallback: string, existing: string[]): string {
  for (const parsed of chain) {
    for (const statement of parsed.statements) {
      const create = nodeOf(statement, 'CreateExtensionStmt');
      if (create?.extname !== name) continue;
      for (const option of create.options ?? []) {
        if (!('DefElem' in option) || option.DefElem.defname !== 'schema') continue;
        const argument = option.DefElem.arg;
        const schema = argument && 'String' in argument ? argument.String.sval : undefined;
        if (schema && existing.includes(schema)) return schema;
      }
      return fallback;
    }
  }
  return fallback;
}

/** Creates stand-ins for the missing extensions that have one, each in its schema; returns their names. */
export async function createStandIns(db: PGlite, missing: string[], schemaOf: (extension: string) => string): Promise<string[]> {
  const created: string[] = [];
  for (const name of missing) {
    const sql = STAND_INS[name];
    if (!sql) continue;
    await db.exec(sql(schemaOf(name)));
    created.push(name);
  }
  return created;
}
