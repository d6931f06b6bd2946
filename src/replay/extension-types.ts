/**
 * Types that only an extension provides. A column of one of these types, before any statement
 * created the extension, is rejected by PostgreSQL (`type "citext" does not exist`): the model
 * knows this for certain, unlike a type it has never heard of (which may come from anywhere).
 */
import type { TypeName } from 'libpg-query';
import type { ReplayContext } from './context.js';
import { stringsOf } from './sql-text.js';
import type { Reason } from './reasons.js';

const PROVIDED_BY: ReadonlyMap<string, string> = new Map([
  ['citext', 'citext'],
  ['hstore', 'hstore'],
  ['ltree', 'ltree'],
  ['lquery', 'ltree'],
  ['ltxtquery', 'ltree'],
  ['cube', 'cube'],
  ['vector', 'vector'],
  ['halfvec', 'vector'],
  ['sparsevec', 'vector'],
  ['geometry', 'postgis'],
  ['geography', 'postgis'],
]);

/** The extension that provides a type of this name; undefined for any other type. */
export function extensionProviding(typeName: string): string | undefined {
  return PROVIDED_BY.get(typeName);
}

/** The types an extension provides (those this module knows). */
export function typesProvidedBy(extension: string): string[] {
  return [...PROVIDED_BY].filter(([, provider]) => provider === extension).map(([type]) => type);
}

/**
 * Why PostgreSQL rejects a column of this type here: it is an extension's type, no statement
 * created that extension, and no statement created a type of that name. Null otherwise.
 */
export function missingExtensionType(typeName: TypeName | undefined, ctx: ReplayContext): Reason | null {
  const names = typeName ? stringsOf(typeName.names) : [];
  const name = names[names.length - 1];
  const extension = name === undefined ? undefined : extensionProviding(name);
  if (name === undefined || extension === undefined) return null;
  if (ctx.schema.extensions.has(extension)) return null;
  if ([...ctx.schema.types.values()].some((type) => type.name === name)) return null;
  return { code: 'missing', kind: 'type', name: names.join('.'), extension };
}
