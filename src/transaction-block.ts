/**
 * Whether a file's statements run inside a transaction block, as its runner sends it (see
 * discover/transactions.ts), and which statements PostgreSQL refuses there
 * (PreventInTransactionBlock: "CREATE INDEX CONCURRENTLY cannot run inside a transaction block").
 * The replay and verify both read it from here.
 */
import { nodeOf } from './ast.js';
import { inTransactionBlock } from './discover/transactions.js';
import type { ParsedFile, Statement } from './parse/index.js';

/** The command PostgreSQL names when it refuses the statement inside a transaction block; null when it accepts it there. */
export function refusedInTransactionBlock(statement: Statement): string | null {
  switch (statement.kind) {
    case 'IndexStmt':
      return nodeOf(statement, 'IndexStmt')!.concurrent ? 'CREATE INDEX CONCURRENTLY' : null;
    case 'DropStmt':
      return nodeOf(statement, 'DropStmt')!.concurrent ? 'DROP INDEX CONCURRENTLY' : null;
    case 'ReindexStmt': {
      const reindex = nodeOf(statement, 'ReindexStmt')!;
      if ((reindex.params ?? []).some((param) => (param as { DefElem?: { defname?: string } }).DefElem?.defname === 'concurrently')) return 'REINDEX CONCURRENTLY';
      const many = { REINDEX_OBJECT_SCHEMA: 'REINDEX SCHEMA', REINDEX_OBJECT_SYSTEM: 'REINDEX SYSTEM', REINDEX_OBJECT_DATABASE: 'REINDEX DATABASE' } as Record<string, string>;
      return many[reindex.kind ?? ''] ?? null;
    }
    case 'VacuumStmt':
      return nodeOf(statement, 'VacuumStmt')!.is_vacuumcmd ? 'VACUUM' : null;
    case 'AlterTableStmt': {
      const commands = nodeOf(statement, 'AlterTableStmt')!.cmds ?? [];
      const detach = commands.some((command) => {
        const cmd = (command as { AlterTableCmd?: { subtype?: string; def?: { PartitionCmd?: { concurrent?: boolean } } } }).AlterTableCmd;
        return cmd?.subtype === 'AT_DetachPartition' && cmd.def?.PartitionCmd?.concurrent === true;
      });
      return detach ? 'ALTER TABLE ... DETACH CONCURRENTLY' : null;
    }
    default:
      return WHOLE_KINDS[statement.kind] ?? null;
  }
}

/** Statement kinds PostgreSQL always refuses inside a transaction block. */
const WHOLE_KINDS: Record<string, string> = {
  CreatedbStmt: 'CREATE DATABASE',
  DropdbStmt: 'DROP DATABASE',
  AlterSystemStmt: 'ALTER SYSTEM',
  CreateTableSpaceStmt: 'CREATE TABLESPACE',
  DropTableSpaceStmt: 'DROP TABLESPACE',
};

/** True when the runner applies this file's statements inside a transaction block. */
export function runsInTransactionBlock(parsed: ParsedFile): boolean {
  const count = parsed.statements.length + parsed.problems.length;
  return inTransactionBlock(parsed.file.transactionMode, count, () => parsed.statements.some((statement) => refusedInTransactionBlock(statement) !== null));
}
