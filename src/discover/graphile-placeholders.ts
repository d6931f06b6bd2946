/**
 * graphile-migrate's placeholders: before it runs a file (committed, or an afterReset action) it
 * replaces `:DATABASE_NAME` and `:DATABASE_OWNER` (its own) and the keys of `.gmrc`'s
 * `placeholders` (a colon and capitals) with their values, verbatim.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The database verify builds (PGlite's own): `:DATABASE_NAME` names it, and `:DATABASE_OWNER`
 * is its owner unless `.gmrc` names one as graphile-migrate finds it: `databaseOwner`, else the
 * user (or the database) of a `connectionString` written in it. verify creates that role, as
 * one the chain assumes.
 */
export const VERIFY_DATABASE = { name: 'postgres', owner: 'postgres' } as const;

/** `.gmrc` (JSON5) next to the migrations folder, or in it; null when there is none. */
export function gmrcText(dir: string): string | null {
  for (const gmrc of [path.join(dir, '..', '.gmrc'), path.join(dir, '.gmrc')]) {
    if (existsSync(gmrc)) return readFileSync(gmrc, 'utf8');
  }
  return null;
}

/**
 * The value of each placeholder whose value is known without the runner's environment:
 * graphile-migrate's own two, and `.gmrc`'s literal ones. A `"!ENV"` value comes from an
 * environment variable of the deploy, which miglint does not read (its output would change
 * with the shell it runs in).
 */
export function graphilePlaceholderValues(gmrc: string | null): Map<string, string> {
  const values = new Map<string, string>([
    [':DATABASE_NAME', VERIFY_DATABASE.name],
    [':DATABASE_OWNER', databaseOwner(gmrc ?? '')],
  ]);
  const block = /"placeholders"\s*:\s*\{([^}]*)\}/.exec(gmrc ?? '')?.[1] ?? '';
  for (const [, key, value] of block.matchAll(/"(:[A-Z][0-9A-Z_]+)"\s*:\s*"([^"]*)"/g)) {
    if (value !== '!ENV' && !values.has(key!)) values.set(key!, value!);
  }
  return values;
}

function databaseOwner(gmrc: string): string {
  const given = /"databaseOwner"\s*:\s*"([^"]+)"/.exec(gmrc)?.[1];
  if (given) return given;
  const url = /"connectionString"\s*:\s*"postgres(?:ql)?:\/\/(?:([^:@/"]+)(?::[^@/"]*)?@)?[^/"]*\/([^?"]+)/.exec(gmrc);
  return url ? decodeURIComponent(url[1] ?? url[2]!) : VERIFY_DATABASE.owner;
}

const PLACEHOLDER = /(?<![:\w]):([A-Z][A-Z0-9_]*)\b/g;

/**
 * The file as graphile-migrate runs it: each known placeholder replaced by its value. One whose
 * value only the deploy's environment has becomes an identifier of the same length
 * (`:DATABASE_VISITOR` -> `_DATABASE_VISITOR`), so the file parses and verify creates it as a role.
 */
export function withGraphilePlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) => values.get(placeholder) ?? `_${name}`);
}

/**
 * The roles the placeholders the files use stand for, as the model names them (unquoted, so in
 * lower case): the runner's environment provides them (the database owner it connects as, the
 * roles a setup script creates), not the migrations.
 */
export function graphilePlaceholderRoles(texts: (string | null)[], values: ReadonlyMap<string, string>): string[] {
  const roles = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(PLACEHOLDER)) roles.add((values.get(match[0]) ?? `_${match[1]!}`).toLowerCase());
  }
  return [...roles].sort();
}
