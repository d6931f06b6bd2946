/**
 * The relations, functions and types a piece of SQL text kept in the model names (a view query,
 * a policy, CHECK or default expression, a column's type): what PostgreSQL records in pg_depend
 * when it stores that text, and so what a DROP ... CASCADE of one of them takes along.
 */
import { parseSync } from '../parse/wasm.js';
import { stringsOf } from './sql-text.js';

export interface NameMention {
  schema: string | undefined;
  name: string;
}

export interface Mentions {
  relations: NameMention[];
  functions: (NameMention & { arguments: number })[];
  types: NameMention[];
}

const EMPTY: Mentions = { relations: [], functions: [], types: [] };
const remembered = new Map<string, Mentions>();
const MAX_REMEMBERED = 20_000;

function mention(parts: string[]): NameMention {
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] ?? '' };
}

/** Where the tree holds a TypeName: wrapped in a list, or as a cast's, column's, argument's or result's type. */
const TYPE_FIELDS = ['TypeName', 'typeName', 'argType', 'returnType'];

function collect(tree: unknown): Mentions {
  const found: Mentions = { relations: [], functions: [], types: [] };
  const cteNames = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if ('CommonTableExpr' in record) cteNames.add((record.CommonTableExpr as { ctename?: string }).ctename ?? '');
    if ('RangeVar' in record) {
      const range = record.RangeVar as { schemaname?: string; relname?: string };
      if (!(range.schemaname === undefined && cteNames.has(range.relname ?? ''))) found.relations.push({ schema: range.schemaname, name: range.relname ?? '' });
    }
    if ('FuncCall' in record) {
      const call = record.FuncCall as { funcname?: Parameters<typeof stringsOf>[0]; args?: unknown[] };
      found.functions.push({ ...mention(stringsOf(call.funcname)), arguments: call.args?.length ?? 0 });
    }
    for (const field of TYPE_FIELDS) {
      if (!(field in record)) continue;
      const parts = stringsOf((record[field] as { names?: Parameters<typeof stringsOf>[0] }).names);
      if (parts.length > 0 && parts[0] !== 'pg_catalog') found.types.push(mention(parts));
    }
    Object.values(record).forEach(visit);
  };
  visit(tree);
  return found;
}

function mentionsOfSql(sql: string): Mentions {
  let found = remembered.get(sql);
  if (found) return found;
  try {
    found = collect(parseSync(sql).stmts ?? []);
  } catch {
    found = EMPTY;
  }
  if (remembered.size < MAX_REMEMBERED) remembered.set(sql, found);
  return found;
}

/** What an expression (policy, CHECK, default, index key or predicate) names. */
export function expressionMentions(expression: string | null): Mentions {
  return expression === null ? EMPTY : mentionsOfSql(`SELECT ${expression}`);
}

/** What a whole statement or query names. */
export function statementMentions(sql: string): Mentions {
  return mentionsOfSql(sql);
}

/** The type a column or argument type text (`public.user_role[]`, `"Status"`) names. */
export function typeMention(type: string): NameMention | null {
  const text = type.replace(/^SETOF\s+/i, '');
  if (/^TABLE\s*\(/i.test(text)) return null;
  return mentionsOfSql(`SELECT NULL::${text}`).types[0] ?? null;
}
