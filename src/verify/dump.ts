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

/** Dumps both databases and compares the dumps; `catalog` is what the catalog comparison found. */
export async function compareDumps(chain: PGlite, baseline: PGlite, catalog: CatalogDifference[]): Promise<DumpComparison> {
  let dumps: [string, string];
  try {
    dumps = [await dumpSchema(chain), await dumpSchema(baseline)];
  } catch (error) {
    return { differences: [], failure: (error as Error).message };
  }
  const differences = diffDumps(dumpEntries(dumps[0]), dumpEntries(dumps[1]));
  return { differences: explainDumpDifferences(differences, catalog) };
}

/** Dump differences that no catalog difference explains: blind spots of the catalog comparison. */
export function unexplained(comparison: DumpComparison | undefined): ExplainedDumpDifference[] {
  return comparison?.differences.filter((difference) => difference.explainedBy === null) ?? [];
}
