/**
 * Proves a baseline equal to the chain it consolidates: the chain is replayed statement by
 * statement into one embedded PostgreSQL (PGlite), the baseline into another, and the two
 * catalogs are compared object by object. Every statement PostgreSQL rejects is reported with
 * its file:line; verification goes on past rejections and past extensions PGlite lacks.
 */
import { PGlite } from '@electric-sql/pglite';
import type { ParsedFile } from '../parse/index.js';
import { firstLine, isTransactionControl, parseText, piecesOf, run, type Rejection } from './apply.js';
import { diffCatalogs, readCatalog, type CatalogDifference } from './catalog.js';
import { compareDumps, loadPgDump, type DumpComparison } from './dump.js';
import { isAvailable, loadExtensions } from './extensions.js';
import { loadParser } from '../parse/index.js';
import type { Preset } from '../presets.js';
import { PRESET_DATABASES } from './preset.js';
import { runsInTransactionBlock } from '../transaction-block.js';
import { createAssumedRoles } from './roles.js';
import { createRunnerTables } from './runner-tables.js';
import type { Layout } from '../discover/index.js';
import { createStandIns, extensionSchema } from './stand-ins.js';

export type { Rejection } from './apply.js';

export interface VerifyInput {
  /** The chain, parsed, in runner order (files a runner does not apply are skipped). */
  files: ParsedFile[];
  baseline: { name: string; text: string };
  preset: Preset;
  /** The folder's layout: its runner's own tables exist before the first migration (none when absent). */
  layout?: Layout;
  /** Also compare `pg_dump --schema-only` of both databases (see dump.ts). */
  pgDump?: boolean;
  /** Called at each step, for a progress line. */
  onProgress?: (message: string) => void;
}

export interface MissingExtension {
  name: string;
  where: string;
}

export interface VerifyReport {
  chainRejections: Rejection[];
  baselineRejections: Rejection[];
  missingExtensions: MissingExtension[];
  differences: CatalogDifference[];
  statements: { chain: number; baseline: number };
  /** Roles the chain uses but never creates, created before it ran. */
  assumedRoles: string[];
  /** Missing extensions replaced by a stand-in type (see stand-ins.ts). */
  standIns: string[];
  /** The pg_dump comparison, when asked for (`pgDump`). */
  dump?: DumpComparison;
}

function extensionName(node: unknown): string | null {
  const statement = (node as { CreateExtensionStmt?: { extname?: string } }).CreateExtensionStmt;
  return statement?.extname ?? null;
}

/** Extensions the chain and the baseline create, plus those the preset installs. */
function extensionsUsed(files: ParsedFile[], preset: Preset): string[] {
  const names = new Set(PRESET_DATABASES[preset].extensions);
  for (const parsed of files) {
    for (const statement of parsed.statements) {
      const name = extensionName(statement.node);
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

async function startDatabase(extensions: string[], preset: Preset): Promise<PGlite> {
  const db = new PGlite({ extensions: await loadExtensions(extensions) });
  await db.waitReady;
  const { sql } = PRESET_DATABASES[preset];
  if (sql) {
    const problem = await run(db, sql);
    if (problem) throw new Error(`the ${preset} preset failed in PGlite: ${problem}`);
  }
  return db;
}

/** Applies parsed files in order, each starting from the preset's search path. */
async function applyFiles(
  db: PGlite,
  files: ParsedFile[],
  preset: Preset,
  missing: MissingExtension[] | null,
  standIns: string[],
  progress: (message: string) => void,
  label: string,
): Promise<{ rejections: Refused[]; count: number }> {
  const rejections: Refused[] = [];
  let count = 0;
  for (const [position, parsed] of files.entries()) {
    if (files.length > 1 && position % 25 === 0) progress(`${label}: file ${position + 1} of ${files.length}`);
    await run(db, `set search_path to ${PRESET_DATABASES[preset].searchPath}`);
    // A stand-in type has no operators: function bodies that use them cannot be checked.
    if (standIns.length > 0) await run(db, 'set check_function_bodies = off');
    // As its runner does: a file in one transaction stops at its first rejection and applies nothing.
    const transaction = runsInTransactionBlock(parsed);
    if (transaction) await run(db, 'begin');
    let rolledBack = false;
    for (const { text, line, statement } of piecesOf(parsed)) {
      if (statement && isTransactionControl(statement)) continue;
      count++;
      const where = `${parsed.file.path}:${line}`;
      const extension = statement ? extensionName(statement.node) : null;
      // An extension PGlite lacks is not run (a stand-in takes its place): its failure would undo a file in a transaction.
      if (extension && !isAvailable(extension)) {
        if (missing && !missing.some((entry) => entry.name === extension)) missing.push({ name: extension, where });
        continue;
      }
      // Without an extension the chain installs, PGlite rejects what needs it ("access method
      // hnsw does not exist") where PostgreSQL would not: such a rejection must not undo the file.
      const lacking = transaction && (standIns.length > 0 || (missing?.length ?? 0) > 0);
      if (lacking) await run(db, 'savepoint miglint_statement');
      const message = await run(db, text);
      if (message === null) continue;
      const undoesFile = transaction && !(lacking && message.includes('does not exist'));
      if (lacking && !undoesFile) await run(db, 'rollback to savepoint miglint_statement');
      rejections.push({ rejection: { where, statement: firstLine(text), message, ...(undoesFile ? { fileRolledBack: true as const } : {}) }, text });
      if (undoesFile) {
        rolledBack = true;
        break;
      }
    }
    if (transaction) await run(db, rolledBack ? 'rollback' : 'commit');
  }
  return { rejections, count };
}

interface Refused {
  rejection: Rejection;
  /** The whole statement, to find the same one on the other side. */
  text: string;
}

/** Baseline rejections, each marked when the chain's same statement was rejected with the same message. */
function markRejectedAlike(baseline: Refused[], chain: Refused[]): Rejection[] {
  const key = ({ rejection, text }: Refused) => `${rejection.message}\u0000${text.replace(/\s+/g, ' ').trim()}`;
  const inChain = new Map(chain.map((refused) => [key(refused), refused.rejection.where]));
  return baseline.map((refused) => {
    const where = inChain.get(key(refused));
    return where === undefined ? refused.rejection : { ...refused.rejection, rejectedAlikeInChain: where };
  });
}

export async function verify(input: VerifyInput): Promise<VerifyReport> {
  const progress = input.onProgress ?? (() => undefined);
  // Before the replay: a missing pg_dump is said at once, not after minutes.
  if (input.pgDump) await loadPgDump();
  const chain = input.files.filter((parsed) => parsed.file.replayed);
  await loadParser();
  const baseline = parseText(input.baseline.name, input.baseline.text);
  const extensions = extensionsUsed([...chain, baseline], input.preset);

  progress('starting an embedded PostgreSQL (PGlite)');
  const chainDb = await startDatabase(extensions, input.preset);
  await createRunnerTables(chainDb, input.layout);
  const assumedRoles = await createAssumedRoles(chainDb, chain);
  const defaultSchema = input.preset === 'supabase' ? 'extensions' : 'public';
  const standIns = await createStandIns(
    chainDb,
    extensions.filter((name) => !isAvailable(name)),
    (name) => extensionSchema(chain, name, defaultSchema, ['public', defaultSchema]),
  );
  // A clone of the fresh database costs a tenth of a second start (no initdb).
  const baselineDb = (await chainDb.clone()) as PGlite;
  try {
    const missingExtensions: MissingExtension[] = [];
    const chainRun = await applyFiles(chainDb, chain, input.preset, missingExtensions, standIns, progress, 'replaying the chain');
    progress('applying the baseline');
    const baselineRun = await applyFiles(baselineDb, [baseline], input.preset, null, standIns, progress, 'applying the baseline');
    progress('comparing catalogs');
    const differences = diffCatalogs(await readCatalog(chainDb), await readCatalog(baselineDb));
    if (input.pgDump) progress('comparing pg_dump --schema-only of both databases');
    const dump = input.pgDump ? await compareDumps(chainDb, baselineDb, differences) : undefined;
    return {
      chainRejections: chainRun.rejections.map(({ rejection }) => rejection),
      baselineRejections: markRejectedAlike(baselineRun.rejections, chainRun.rejections),
      missingExtensions,
      differences,
      statements: { chain: chainRun.count, baseline: baselineRun.count },
      assumedRoles,
      standIns,
      ...(dump ? { dump } : {}),
    };
  } finally {
    await chainDb.close();
    await baselineDb.close();
  }
}
