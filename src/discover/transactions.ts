/**
 * How each layout's runner sends one migration file to PostgreSQL, which decides whether its
 * statements run inside a transaction block: there a statement PostgreSQL rejects undoes the
 * whole file (the following files see the state before it), and the statements PostgreSQL
 * refuses in a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...) are rejected.
 *
 * - Supabase CLI: the file's statements and its history insert as one pipeline, one transaction.
 * - golang-migrate: the whole file is sent as one query.
 * - goose: a transaction around the file unless it says `-- +goose NO TRANSACTION` (then statement by statement).
 * - Flyway: a transaction around each migration, except one holding a statement PostgreSQL runs
 *   only outside a transaction: Flyway then runs that migration without one.
 * - Diesel: a transaction around the file, or the whole file as one query when its
 *   `metadata.toml` says `run_in_transaction = false`.
 * - dbmate: a transaction around the file, or the whole file as one query when its up section
 *   says `transaction:false`.
 * - numbered / timestamp: no known runner (psql -f runs statement by statement).
 * - Prisma: the whole migration.sql is sent as one query.
 * - drizzle-kit: its migrator applies the pending migrations inside one transaction.
 * - sqitch: no transaction of its own (its templates write BEGIN/COMMIT into each deploy script).
 * - graphile-migrate: a transaction around each committed file, or the whole file as one query
 *   when its first line is `--! no-transaction`; `.gmrc`'s afterReset files are sent as one query.
 * - node-pg-migrate: a transaction around each migration (a SQL file cannot opt out).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Layout } from './layouts.js';

export type TransactionMode =
  /** The runner opens a transaction around the file. */
  | 'transaction'
  /** As 'transaction', unless the file holds a statement PostgreSQL runs only outside a transaction (Flyway). */
  | 'transaction-unless-refused'
  /**
   * The runner sends the whole file as one query: PostgreSQL runs a query of several statements
   * in an implicit transaction block, and a query of one statement outside any.
   */
  | 'one-query'
  /** Statement by statement, each on its own. */
  | 'statements';

const BY_LAYOUT: Record<Layout, TransactionMode> = {
  supabase: 'transaction',
  'golang-migrate': 'one-query',
  goose: 'transaction',
  flyway: 'transaction-unless-refused',
  diesel: 'transaction',
  dbmate: 'transaction',
  timestamp: 'statements',
  numbered: 'statements',
  prisma: 'one-query',
  drizzle: 'transaction',
  sqitch: 'statements',
  'graphile-migrate': 'transaction',
  'node-pg-migrate': 'transaction',
};

/** The mode of a file that opts out of its runner's transaction, where the runner allows it; null when it does not. */
function optedOut(layout: Layout, absolutePath: string, name: string, source: string): TransactionMode | null {
  switch (layout) {
    case 'goose':
      return /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(source) ? 'statements' : null;
    case 'dbmate':
      return /^--\s*migrate:up\b[^\n]*\btransaction:false\b/im.test(source) ? 'one-query' : null;
    case 'diesel': {
      const metadata = path.join(path.dirname(absolutePath), 'metadata.toml');
      return existsSync(metadata) && /^\s*run_in_transaction\s*=\s*false\b/m.test(readFileSync(metadata, 'utf8')) ? 'one-query' : null;
    }
    case 'graphile-migrate':
      return !name.startsWith('committed/') || /^--!\s*no-transaction\b/.test(source) ? 'one-query' : null;
    default:
      return null;
  }
}

/** How the layout's runner sends this file (`name` relative to the migrations folder). */
export function transactionMode(layout: Layout, absolutePath: string, name: string, source: string | null): TransactionMode {
  return optedOut(layout, absolutePath, name, source ?? '') ?? BY_LAYOUT[layout];
}

/**
 * True when the file's statements run inside a transaction block. `statementCount` counts what
 * PostgreSQL is given (text that does not parse included); `refusedInBlock` is true when one of
 * them is a statement PostgreSQL runs only outside a transaction block (asked only when it matters).
 */
export function inTransactionBlock(mode: TransactionMode, statementCount: number, refusedInBlock: () => boolean): boolean {
  switch (mode) {
    case 'transaction':
      return true;
    case 'transaction-unless-refused':
      return !refusedInBlock();
    case 'one-query':
      return statementCount > 1;
    case 'statements':
      return false;
  }
}
