/**
 * A second, independent proof: PostgreSQL's own pg_dump (a WASM build that runs inside PGlite,
 * `@electric-sql/pglite-tools`) dumps the schema of both databases, the dumps are compared entry
 * by entry (dump-entries.ts), and each difference is matched to the catalog difference that
 * explains it (dump-explained.ts). pg_dump is loaded only when a dump is asked for: it is a
 * large module that plain `verify` does not need.
 */
import type { PGlite } from '@electric-sql/pglite';
import { UsageError } from '../errors.js';
import type { CatalogDifference } from './catalog.js';
import { diffDumps, dumpEntries } from './dump-entries.js';
import { explainDumpDifferences, type ExplainedDumpDifference } from './dump-explained.js';

export interface DumpComparison {
  differences: ExplainedDumpDifference[];
  /** Set when pg_dump itself failed on a database: nothing was compared. */
  failure?: string;
}

/** pglite-tools' pgDump, typed here so that miglint's published types do not name the optional package. */
type PgDump = (options: { pg: PGlite; args?: string[] }) => Promise<Blob>;

/**
 * pg_dump for PGlite. `@electric-sql/pglite-tools` is an optional peer dependency: it pins an
 * older PGlite as its own peer, which an installed miglint would otherwise drag in for every user.
 */
export async function loadPgDump(): Promise<PgDump> {
  try {
    return (await import('@electric-sql/pglite-tools/pg_dump')).pgDump;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new UsageError('verify --pg-dump needs pg_dump for PGlite: npm install --save-dev @electric-sql/pglite-tools');
  }
}

/** `pg_dump --schema-only` of a PGlite database, as text. */
export async function dumpSchema(db: PGlite): Promise<string> {
  const pgDump = await loadPgDump();
  // pgDump runs on the database's own connection; it restores search_path and deallocates
  // prepared statements afterwards, neither of which verify relies on.
  const file = await pgDump({ pg: db, args: ['--schema-only'] });
  return file.text();
}

/** A database's schema dump, or why pg_dump failed on it. */
export type SchemaDump = { text: string } | { failure: string };

export async function tryDumpSchema(db: PGlite): Promise<SchemaDump> {
  try {
    return { text: await dumpSchema(db) };
  } catch (error) {
    return { failure: (error as Error).message };
  }
}

/** Compares two schema dumps; nothing is compared when pg_dump failed on either (the chain's failure first). */
export function compareSchemaDumps(chain: SchemaDump, baseline: SchemaDump, catalog: CatalogDifference[]): DumpComparison {
  if ('failure' in chain) return { differences: [], failure: chain.failure };
  if ('failure' in baseline) return { differences: [], failure: baseline.failure };
  const differences = diffDumps(dumpEntries(chain.text), dumpEntries(baseline.text));
  return { differences: explainDumpDifferences(differences, catalog) };
}

/** Dump differences that no catalog difference explains: blind spots of the catalog comparison. */
export function unexplained(comparison: DumpComparison | undefined): ExplainedDumpDifference[] {
  return comparison?.differences.filter((difference) => difference.explainedBy === null) ?? [];
}
