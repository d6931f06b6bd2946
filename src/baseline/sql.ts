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
