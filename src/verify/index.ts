/**
 * Proves a baseline equal to the chain it consolidates: the chain is replayed into one embedded
 * PostgreSQL (PGlite), the baseline into another started from the same platform data directory
 * (platform-database.ts), and the two catalogs are compared object by object. Statements go in
 * batches where that changes nothing (batches.ts), one by one where a batch is rejected. Every
 * statement PostgreSQL rejects is reported with
 * its file:line; verification goes on past rejections and past extensions PGlite lacks.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { ParsedFile } from '../parse/index.js';
import { firstLine, isTransactionControl, parseText, piecesOf, run, type Piece, type Rejection } from './apply.js';
import { groupsOf, runFileTogether, runTogether } from './batches.js';
import { diffCatalogs, readCatalog, type CatalogDifference } from './catalog.js';
import { compareSchemaDumps, loadPgDump, tryDumpSchema, type DumpComparison, type SchemaDump } from './dump.js';
import { isAvailable } from './extensions.js';
import { loadParser } from '../parse/index.js';
import type { Preset } from '../presets.js';
import { PRESET_DATABASES } from './preset.js';
import { platformImage, startFromImage } from './platform-database.js';
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
  /** miglint's cache folder, where the prepared database is kept (cache/parse-cache.ts's cacheRoot); absent or null: none. */
  cacheRoot?: string | null;
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
  /** An extension PGlite lacks is not run (a stand-in takes its place): its failure would undo a file in a transaction. */
  const lackedExtension = (piece: Piece, where: string): boolean => {
    if (!isLacked(piece)) return false;
    const extension = extensionName(piece.statement!.node)!;
    if (missing && !missing.some((entry) => entry.name === extension)) missing.push({ name: extension, where });
    return true;
  };
  /** Runs one piece on its own; true when its rejection undid the file's transaction (`transaction`: the file runs in one). */
  const applyOne = async (parsed: ParsedFile, transaction: boolean, { text, line, statement }: Piece): Promise<boolean> => {
    count++;
    const where = `${parsed.file.path}:${line}`;
    if (lackedExtension({ text, line, statement }, where)) return false;
    // Without an extension the chain installs, PGlite rejects what needs it ("access method
    // hnsw does not exist") where PostgreSQL would not: such a rejection must not undo the file.
    const lacking = transaction && (standIns.length > 0 || (missing?.length ?? 0) > 0);
    if (lacking) await run(db, 'savepoint miglint_statement');
    const message = await run(db, text);
    if (message === null) return false;
    const undoesFile = transaction && !(lacking && message.includes('does not exist'));
    if (lacking && !undoesFile) await run(db, 'rollback to savepoint miglint_statement');
    rejections.push({ rejection: { where, statement: firstLine(text), message, ...(undoesFile ? { fileRolledBack: true as const } : {}) }, text });
    return undoesFile;
  };
  for (const [position, parsed] of files.entries()) {
    if (files.length > 1 && position % 25 === 0) progress(`${label}: file ${position + 1} of ${files.length}`);
    await run(db, `set search_path to ${PRESET_DATABASES[preset].searchPath}`);
    // A stand-in type has no operators: function bodies that use them cannot be checked.
    if (standIns.length > 0) await run(db, 'set check_function_bodies = off');
    const pieces = piecesOf(parsed).filter(({ statement }) => !(statement && isTransactionControl(statement)));
    // As its runner does: a file in one transaction stops at its first rejection and applies nothing.
    const transaction = runsInTransactionBlock(parsed);
    if (transaction) {
      if (pieces.every((piece) => piece.statement !== null)) {
        const runnable = pieces.filter((piece) => !isLacked(piece));
        if (await runFileTogether(db, runnable.map((piece) => piece.text))) {
          count += pieces.length;
          for (const piece of pieces) lackedExtension(piece, `${parsed.file.path}:${piece.line}`);
          continue;
        }
      }
      await run(db, 'begin');
      let rolledBack = false;
      for (const piece of pieces) {
        rolledBack = await applyOne(parsed, true, piece);
        if (rolledBack) break;
      }
      await run(db, rolledBack ? 'rollback' : 'commit');
      continue;
    }
    for (const group of groupsOf(pieces, isLacked)) {
      if (group.length > 1 && (await runTogether(db, group.map((piece) => piece.text)))) {
        count += group.length;
        continue;
      }
      for (const piece of group) await applyOne(parsed, false, piece);
    }
  }
  return { rejections, count };
}

/** A CREATE EXTENSION of an extension PGlite lacks: never run. */
function isLacked({ statement }: Piece): boolean {
  const extension = statement ? extensionName(statement.node) : null;
  return extension !== null && !isAvailable(extension);
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
  const image = await platformImage(input.preset, extensions, input.cacheRoot ?? null);
  const defaultSchema = input.preset === 'supabase' ? 'extensions' : 'public';
  /** What both databases get before anything runs, on top of the platform's data directory. */
  const prepare = async (db: PGlite) => {
    await createRunnerTables(db, input.layout);
    return {
      assumedRoles: await createAssumedRoles(db, chain),
      standIns: await createStandIns(
        db,
        extensions.filter((name) => !isAvailable(name)),
        (name) => extensionSchema(chain, name, defaultSchema, ['public', defaultSchema]),
      ),
    };
  };
  // One database at a time: each holds its own copy of PostgreSQL's memory.
  const chainSide = await closingAfter(image.made ?? (await startFromImage(image, extensions)), async (db) => {
    const prepared = await prepare(db);
    const missingExtensions: MissingExtension[] = [];
    const applied = await applyFiles(db, chain, input.preset, missingExtensions, prepared.standIns, progress, 'replaying the chain');
    const catalog = await readCatalog(db);
    // Dumped now: the chain's database is closed before the baseline's starts.
    const dump: SchemaDump | null = input.pgDump ? await tryDumpSchema(db) : null;
    return { prepared, missingExtensions, applied, catalog, dump };
  });
  progress('applying the baseline');
  const { standIns, assumedRoles } = chainSide.prepared;
  const baselineSide = await closingAfter(await startFromImage(image, extensions), async (db) => {
    await prepare(db);
    const applied = await applyFiles(db, [baseline], input.preset, null, standIns, progress, 'applying the baseline');
    progress('comparing catalogs');
    const failed = chainSide.dump !== null && 'failure' in chainSide.dump;
    return { applied, catalog: await readCatalog(db), dump: chainSide.dump && !failed ? await tryDumpSchema(db) : chainSide.dump };
  });
  const differences = diffCatalogs(chainSide.catalog, baselineSide.catalog);
  if (input.pgDump) progress('comparing pg_dump --schema-only of both databases');
  const dump = chainSide.dump && baselineSide.dump ? compareSchemaDumps(chainSide.dump, baselineSide.dump, differences) : undefined;
  return {
    chainRejections: chainSide.applied.rejections.map(({ rejection }) => rejection),
    baselineRejections: markRejectedAlike(baselineSide.applied.rejections, chainSide.applied.rejections),
    missingExtensions: chainSide.missingExtensions,
    differences,
    statements: { chain: chainSide.applied.count, baseline: baselineSide.applied.count },
    assumedRoles,
    standIns,
    ...(dump ? { dump } : {}),
  };
}

async function closingAfter<T>(db: PGlite, work: (db: PGlite) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
