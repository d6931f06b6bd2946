/**
 * Sending many statements in one round trip. PGlite runs a query in a few hundred microseconds
 * of its own, plus the round trip; a chain of 20,000 statements sent one by one spends most of
 * its time on the trips. A batch that PostgreSQL accepts whole did exactly what the statements
 * one by one would have done; when it is rejected, PostgreSQL undid all of it, and the caller
 * runs the same statements one by one to report each rejection as before (file:line and
 * PostgreSQL's own message).
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Statement } from '../parse/index.js';
import { run, type Piece } from './apply.js';

/**
 * Statement kinds whose effect and acceptance do not depend on sharing a transaction with the
 * statements around them (definitions, grants, comments). Left out, so each runs on its own:
 * SET and SELECT (a `set_config(..., true)` or SET LOCAL would outlive its statement), DO
 * blocks and CALL (they can do either), data changes (deferred constraints and `now()` see the
 * transaction), LOCK and cursors (only valid in a transaction block), and anything CONCURRENTLY
 * or VACUUM (never valid in one).
 */
const SHARES_A_TRANSACTION = new Set([
  'AlterDefaultPrivilegesStmt',
  'AlterDomainStmt',
  'AlterEnumStmt',
  'AlterFunctionStmt',
  'AlterObjectSchemaStmt',
  'AlterOwnerStmt',
  'AlterPolicyStmt',
  'AlterSeqStmt',
  'AlterTableStmt',
  'CommentStmt',
  'CompositeTypeStmt',
  'CreateDomainStmt',
  'CreateEnumStmt',
  'CreateExtensionStmt',
  'CreateFunctionStmt',
  'CreatePolicyStmt',
  'CreateSchemaStmt',
  'CreateSeqStmt',
  'CreateStmt',
  'CreateTrigStmt',
  'DefineStmt',
  'DropStmt',
  'GrantStmt',
  'IndexStmt',
  'RenameStmt',
  'ViewStmt',
]);

/** A temporary relation (its ON COMMIT action runs at the end of the transaction) or a concurrent index build or drop. */
function dependsOnItsOwnTransaction(node: Record<string, unknown>): boolean {
  if (node.concurrent === true) return true;
  const relation = (node.relation ?? node.view ?? node.sequence) as { relpersistence?: string } | undefined;
  return relation?.relpersistence === 't';
}

export function sharesTransaction(statement: Statement): boolean {
  if (!SHARES_A_TRANSACTION.has(statement.kind)) return false;
  const node = (statement.node as unknown as Record<string, Record<string, unknown>>)[statement.kind];
  return node !== undefined && !dependsOnItsOwnTransaction(node);
}

/** Statement texts as one query; a line break before each `;` keeps a trailing line comment from swallowing it. */
function joined(texts: string[]): string {
  return texts.map((text) => `${text}\n;`).join('\n');
}

/**
 * Runs statements as one multi-statement query: PostgreSQL runs them in one implicit
 * transaction. True when all ran; false when one was rejected, and then none of them took effect.
 */
export async function runTogether(db: PGlite, texts: string[]): Promise<boolean> {
  return (await run(db, joined(texts))) === null;
}

/**
 * Runs a file's statements in one transaction, BEGIN to COMMIT in one query. True when all ran
 * and committed; false when one was rejected, and then none took effect and no transaction is open.
 */
export async function runFileTogether(db: PGlite, texts: string[]): Promise<boolean> {
  if ((await run(db, `begin;\n${joined(texts)}\ncommit`)) === null) return true;
  await run(db, 'rollback');
  return false;
}

/** A file's pieces in groups to run as one query each: runs of statements that can share a transaction, each other piece alone. */
export function groupsOf(pieces: Piece[], runsAlone: (piece: Piece) => boolean): Piece[][] {
  const groups: Piece[][] = [];
  let open: Piece[] | null = null;
  for (const piece of pieces) {
    if (runsAlone(piece) || !piece.statement || !sharesTransaction(piece.statement)) {
      groups.push([piece]);
      open = null;
    } else if (open && open.length < GROUP_LIMIT) {
      open.push(piece);
    } else {
      open = [piece];
      groups.push(open);
    }
  }
  return groups;
}

/** At most this many statements are sent together: a rejected group runs again one statement at a time. */
const GROUP_LIMIT = 500;
