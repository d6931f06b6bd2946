/** Identifier quoting for emitted SQL: quoted only where PostgreSQL needs it (case, keywords). */
import { QuoteUtils } from 'pgsql-deparser';

export function ident(name: string): string {
  return QuoteUtils.quoteIdentifier(name);
}

/** `schema.name` from a model key; a name in `public` is written bare, as people write it. */
export function qualified(schema: string, name: string): string {
  return schema === 'public' ? ident(name) : `${ident(schema)}.${QuoteUtils.quoteIdentifierAfterDot(name)}`;
}

/** Splits a model key (`schema.name`) at its first dot: schema names never hold one unquoted. */
export function splitKey(key: string): { schema: string; name: string } {
  const dot = key.indexOf('.');
  return dot === -1 ? { schema: 'public', name: key } : { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

export function qualifiedKey(key: string): string {
  const { schema, name } = splitKey(key);
  return qualified(schema, name);
}

export function columnList(columns: string[]): string {
  return columns.map(ident).join(', ');
}

/** A string literal; E'' is never needed since standard_conforming_strings is on. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A dollar-quoted body whose tag does not occur in it. */
export function dollarQuoted(body: string): string {
  let tag = '$$';
  for (let attempt = 0; body.includes(tag); attempt++) tag = `$body${attempt === 0 ? '' : attempt}$`;
  return `${tag}${body}${tag}`;
}

/** `schema.name(types)` keys of functions: the qualified name quoted, the arguments kept. */
export function functionReference(key: string): string {
  const open = key.indexOf('(');
  return `${qualifiedKey(key.slice(0, open))}${key.slice(open)}`;
}

/** `UNLOGGED ` before TABLE or SEQUENCE for an unlogged relation, nothing otherwise. */
export function persistence(relation: { unlogged?: true }): string {
  return relation.unlogged ? 'UNLOGGED ' : '';
}
