/**
 * How each layout's runner applies one migration file: in one transaction (a statement
 * PostgreSQL rejects undoes the whole file, and the following files see the state before it),
 * or statement by statement (what ran before a rejected statement stays).
 *
 * - Supabase CLI: each file in one transaction.
 * - golang-migrate: the whole file is sent as one multi-statement query, an implicit transaction.
 * - goose: one transaction per file unless it says `-- +goose NO TRANSACTION`.
 * - Flyway: one transaction per migration on PostgreSQL.
 * - Diesel: one transaction per migration unless its `metadata.toml` says `run_in_transaction = false`.
 * - dbmate: one transaction per file unless its up section says `transaction:false`.
 * - numbered / timestamp: no known runner (psql -f runs statement by statement).
 * - Prisma: the whole migration.sql is sent as one multi-statement query, an implicit transaction.
 * - drizzle-kit: its migrator applies the pending migrations inside one transaction.
 * - sqitch: no transaction of its own (its templates write BEGIN/COMMIT into each deploy script).
 * - graphile-migrate: one transaction per committed file unless its first line is `--! no-transaction`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Layout } from './layouts.js';

type Semantics = 'transaction' | 'statements';

const BY_LAYOUT: Record<Layout, Semantics> = {
  supabase: 'transaction',
  'golang-migrate': 'transaction',
  goose: 'transaction',
  flyway: 'transaction',
  diesel: 'transaction',
  dbmate: 'transaction',
  timestamp: 'statements',
  numbered: 'statements',
  prisma: 'transaction',
  drizzle: 'transaction',
  sqitch: 'statements',
  'graphile-migrate': 'transaction',
};

/** The file's own opt-out from its runner's transaction, where the runner has one. */
function optsOut(layout: Layout, absolutePath: string, source: string): boolean {
  switch (layout) {
    case 'goose':
      return /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(source);
    case 'dbmate':
      return /^--\s*migrate:up\b[^\n]*\btransaction:false\b/im.test(source);
    case 'diesel': {
      const metadata = path.join(path.dirname(absolutePath), 'metadata.toml');
      return existsSync(metadata) && /^\s*run_in_transaction\s*=\s*false\b/m.test(readFileSync(metadata, 'utf8'));
    }
    case 'graphile-migrate':
      return /^--!\s*no-transaction\b/.test(source);
    default:
      return false;
  }
}

/** True when the layout's runner applies this file in one transaction. */
export function runsInTransaction(layout: Layout, absolutePath: string, source: string | null): boolean {
  return BY_LAYOUT[layout] === 'transaction' && !optsOut(layout, absolutePath, source ?? '');
}
