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
  /** At least the name of every mention above: DROP asks every stored text about one name, and most never mention it. */
  names: ReadonlySet<string>;
}

const EMPTY: Mentions = withNames({ relations: [], functions: [], types: [] });

/**
 * By the text as the model keeps it, one map per kind of text: a DROP asks about every stored
 * text, and a string the model holds is hashed once, where one built around it would be hashed
 * at every DROP.
 */
const MAX_REMEMBERED = 20_000;
const rememberedExpressions = new Map<string, Mentions>();
const rememberedStatements = new Map<string, Mentions>();
const rememberedTypes = new Map<string, Mentions>();

function remembered(map: Map<string, Mentions>, text: string, find: () => Mentions): Mentions {
  let found = map.get(text);
  if (found) return found;
  found = find();
  if (map.size < MAX_REMEMBERED) map.set(text, found);
  return found;
}

function withNames(found: Omit<Mentions, 'names'>): Mentions {
  return { ...found, names: new Set([...found.relations, ...found.functions, ...found.types].map((mention) => mention.name)) };
}

function mention(parts: string[]): NameMention {
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] ?? '' };
}

/** Where the tree holds a TypeName: wrapped in a list, or as a cast's, column's, argument's or result's type. */
const TYPE_FIELDS = ['TypeName', 'typeName', 'argType', 'returnType'];

function collect(tree: unknown): Mentions {
  const found: Omit<Mentions, 'names'> = { relations: [], functions: [], types: [] };
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
  return withNames(found);
}

function mentionsOfSql(sql: string): Mentions {
  try {
    return collect(parseSync(sql).stmts ?? []);
  } catch {
    return EMPTY;
  }
}

/** What an expression (policy, CHECK, default, index key or predicate) names. */
export function expressionMentions(expression: string | null): Mentions {
  return expression === null ? EMPTY : remembered(rememberedExpressions, expression, () => mentionsOfSql(`SELECT ${expression}`));
}

/** What a whole statement or query names. */
export function statementMentions(sql: string): Mentions {
  return remembered(rememberedStatements, sql, () => mentionsOfSql(sql));
}

/** The type a column or argument type text (`public.user_role[]`, `"Status"`) names, as the only mention. */
export function typeMentions(type: string): Mentions {
  return remembered(rememberedTypes, type, () => {
    const text = type.replace(/^SETOF\s+/i, '');
    if (/^TABLE\s*\(/i.test(text)) return EMPTY;
    const mention = mentionsOfSql(`SELECT NULL::${text}`).types[0];
    return mention ? withNames({ relations: [], functions: [], types: [mention] }) : EMPTY;
  });
}
