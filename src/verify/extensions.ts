/**
 * PostgreSQL extensions PGlite ships (compiled to WASM and loaded at start-up), by the name
 * `CREATE EXTENSION` uses. An extension missing here (vector, pg_net, http, pg_cron, ...)
 * cannot be created in PGlite: verify reports it and goes on.
 */
import type { Extension } from '@electric-sql/pglite';

type Loader = () => Promise<Extension>;

export const BUNDLED_EXTENSIONS: Record<string, Loader> = {
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  dict_int: async () => (await import('@electric-sql/pglite/contrib/dict_int')).dict_int,
  dict_xsyn: async () => (await import('@electric-sql/pglite/contrib/dict_xsyn')).dict_xsyn,
  pg_stat_statements: async () => (await import('@electric-sql/pglite/contrib/pg_stat_statements')).pg_stat_statements,
  tsm_system_rows: async () => (await import('@electric-sql/pglite/contrib/tsm_system_rows')).tsm_system_rows,
  tsm_system_time: async () => (await import('@electric-sql/pglite/contrib/tsm_system_time')).tsm_system_time,
  amcheck: async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck,
};

/** Extensions that come with PostgreSQL itself and need no loading. */
const BUILT_IN = new Set(['plpgsql']);

export function isAvailable(name: string): boolean {
  return BUILT_IN.has(name) || name in BUNDLED_EXTENSIONS;
}

/** The PGlite `extensions` option for the names given; names PGlite lacks are skipped. */
export async function loadExtensions(names: Iterable<string>): Promise<Record<string, Extension>> {
  const loaded: Record<string, Extension> = {};
  for (const name of [...new Set(names)].sort()) {
    const loader = BUNDLED_EXTENSIONS[name];
    if (loader) loaded[name.replace(/-/g, '_')] = await loader();
  }
  return loaded;
}
