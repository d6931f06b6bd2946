/** The runner's own tables (discover/runner-tables.ts), created as the runner does before the first migration. */
import type { PGlite } from '@electric-sql/pglite';
import type { Layout } from '../discover/index.js';
import { runnerTablesSql } from '../discover/runner-tables.js';
import { run } from './apply.js';

export async function createRunnerTables(db: PGlite, layout: Layout | undefined): Promise<void> {
  const sql = layout ? runnerTablesSql(layout) : '';
  if (!sql) return;
  const problem = await run(db, sql);
  if (problem) throw new Error(`the ${layout} runner's own tables failed in PGlite: ${problem}`);
}
