/**
 * `miglint verify`: replays the chain and the baseline into two embedded PostgreSQL databases
 * and compares their catalogs. Exit 1 when they differ or the baseline does not apply cleanly
 * (see `failed`). Statements of the chain that PostgreSQL rejects are reported (they are
 * history, and a missing extension makes later ones fail too) but do not fail the command.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDiscovery } from '../analyze.js';
import { cacheRoot } from '../cache/parse-cache.js';
import { emitBaseline } from '../baseline/index.js';
import type { Output } from '../output.js';
import { loadConfig } from '../config.js';
import { discover, toDisplayPath, type Discovery, type Layout } from '../discover/index.js';
import { UsageError } from '../errors.js';
import type { Preset } from '../presets.js';
import { summarize } from '../verify/consequences.js';
import type { CatalogDifference } from '../verify/catalog.js';
import { unexplained, type DumpComparison } from '../verify/dump.js';
import type { ExplainedDumpDifference } from '../verify/dump-explained.js';
import { verify, type Rejection, type VerifyReport } from '../verify/index.js';
import { gapCount, runnerGapLines, runnerGaps, type RunnerGaps } from '../verify/runner-gaps.js';
import { reportChoice } from './choice.js';
import { EXIT, migrationsDir } from './lint.js';

export interface VerifyCommandOptions {
  dir?: string | undefined;
  /** A committed baseline to prove; the one miglint would write when absent. */
  baseline?: string | undefined;
  preset?: Preset | undefined;
  verbose?: boolean | undefined;
  layout?: Layout | undefined;
  config?: string | undefined;
  /** Also compare `pg_dump --schema-only` of both databases. */
  pgDump?: boolean | undefined;
}

/** A folder's verify report, with what verify could not run as the folder's runner does. */
export interface FolderVerifyReport extends VerifyReport {
  runnerGaps: RunnerGaps;
}

/** Progress lines appear only once the run has taken more than a moment. */
const PROGRESS_AFTER_MS = 1000;

export async function verifyCommand(options: VerifyCommandOptions, output: Output): Promise<number> {
  const started = Date.now();
  const cwd = process.cwd();
  const { report, baselineName, preset } = await verifyFolder(
    options,
    cwd,
    (message) => {
      if (Date.now() - started > PROGRESS_AFTER_MS) output.stderr(`miglint verify: ${message}...\n`);
    },
    (discovery, configured) => reportChoice(options.verbose, discovery, configured, cwd, output),
  );
  output.stdout(formatReport(report, baselineName, preset));
  output.stderr(`miglint verify: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return failed(report) ? EXIT.findings : EXIT.ok;
}

/** Replays the folder and the baseline (the committed one, or the one miglint would write) and compares them. */
export async function verifyFolder(
  options: VerifyCommandOptions,
  cwd: string,
  onProgress?: (message: string) => void,
  onDiscovery: (discovery: Discovery, preset: Preset | undefined) => void = () => {},
): Promise<{ report: FolderVerifyReport; baselineName: string; preset: Preset }> {
  const { config } = loadConfig(cwd, options.config);
  const dir = migrationsDir(options.dir, config.migrationsDir, cwd);
  const discovery = discover(dir, { layout: options.layout ?? config.layout, ignore: config.ignore, cwd });
  const preset = options.preset ?? config.preset;
  onDiscovery(discovery, preset);
  const analysis = await analyzeDiscovery(discovery, { cwd, preset });
  const baseline = options.baseline === undefined ? generated(analysis) : committed(path.resolve(cwd, options.baseline), cwd);
  const report = await verify({ files: analysis.files, baseline, preset: analysis.preset, layout: analysis.layout, pgDump: options.pgDump ?? false, onProgress, cacheRoot: cacheRoot(cwd) });
  return { report: { ...report, runnerGaps: runnerGaps(discovery, cwd) }, baselineName: baseline.name, preset: analysis.preset };
}

/**
 * The baseline fails when the databases differ, or when verify could not run a file as the
 * runner does (it cannot prove the baseline then).
 */
export function failed(report: VerifyReport & { runnerGaps?: RunnerGaps }): boolean {
  return differs(report) || gapCount(report.runnerGaps) > 0;
}

/**
 * True when the databases differ. A baseline statement PostgreSQL rejects counts too, unless the
 * chain's same statement was rejected alike (the baseline carries what the chain did), or an
 * extension PGlite lacks explains it (the chain's statement failed alike, and anything else it
 * costs shows up as a difference). With the pg_dump comparison, a dump difference the catalog
 * comparison does not explain counts (the databases differ where the catalog comparison does
 * not look), and so does a pg_dump that could not run.
 */
function differs(report: VerifyReport): boolean {
  const unexplainedRejections = report.baselineRejections.filter((rejection) => rejection.rejectedAlikeInChain === undefined);
  if (report.differences.some((difference) => difference.category === 'security')) return true;
  if (report.dump && (report.dump.failure !== undefined || unexplained(report.dump).length > 0)) return true;
  return report.differences.length > 0 || (unexplainedRejections.length > 0 && report.missingExtensions.length === 0);
}

/**
 * The verdict. Files verify could not run as the runner does leave it unable to prove the
 * baseline either way: the runner's database has what they do, the two databases here do not.
 */
function verdict(report: VerifyReport & { runnerGaps?: RunnerGaps }): string {
  const count = gapCount(report.runnerGaps);
  if (count === 0) return differs(report) ? 'The baseline does not build the same database as the chain.' : 'The baseline builds the same database as the chain.';
  const files = `${count} file${count === 1 ? '' : 's'}`;
  return differs(report)
    ? `verify cannot prove the baseline: it could not run ${files} as the runner does (listed above), and the differences above may follow from that alone, not from the baseline.`
    : `verify cannot prove the baseline: it could not run ${files} as the runner does (listed above). Without them the two databases are the same, but the runner's database has what they do, and neither database here does.`;
}

/** `3 security, 1 default`: how many differences of each category, most first. */
function countsByCategory(differences: CatalogDifference[]): string {
  const counts = new Map<string, number>();
  for (const { category } of differences) counts.set(category, (counts.get(category) ?? 0) + 1);
  return [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1)).map(([category, count]) => `${count} ${category}`).join(', ');
}

function generated(analysis: Parameters<typeof emitBaseline>[0]): { name: string; text: string } {
  return { name: '(generated baseline)', text: emitBaseline(analysis, { includeData: false }) };
}

function committed(file: string, cwd: string): { name: string; text: string } {
  const name = toDisplayPath(cwd, file);
  try {
    return { name, text: readFileSync(file, 'utf8') };
  } catch {
    throw new UsageError(`Cannot read the baseline ${name}.`);
  }
}

function rejectionLines(title: string, rejections: Rejection[]): string[] {
  if (rejections.length === 0) return [];
  const alike = (r: Rejection) => (r.rejectedAlikeInChain === undefined ? '' : `  (rejected alike in the chain at ${r.rejectedAlikeInChain})`);
  const undone = (r: Rejection) => (r.fileRolledBack ? '  (the runner applies this file in one transaction: nothing in it applied)' : '');
  return [`${title} (${rejections.length}):`, ...rejections.flatMap((r) => [`  ${r.where}  ${r.message}${alike(r)}${undone(r)}`, `      ${r.statement}`]), ''];
}

function dumpObject(difference: ExplainedDumpDifference): string {
  const side = { 'only-left': 'only in the chain', 'only-right': 'only in the baseline', different: 'differs' }[difference.kind];
  return `${difference.type} ${difference.name}${difference.schema === '-' ? '' : ` in schema ${difference.schema}`}: ${side}`;
}

/** The pg_dump comparison: equal, explained by the catalog differences, or a blind spot of them. */
function dumpLines(dump: DumpComparison, catalogDifferences: number): string[] {
  if (dump.failure !== undefined) return [`pg_dump could not dump a database, so the dumps were not compared: ${dump.failure}`, ''];
  if (dump.differences.length === 0) return ['pg_dump --schema-only of the chain and of the baseline: the same.', ''];
  const blind = unexplained(dump);
  const lines = [`pg_dump --schema-only of the chain and of the baseline: ${dump.differences.length} entr${dump.differences.length === 1 ? 'y differs' : 'ies differ'}, ${dump.differences.length - blind.length} explained by the ${catalogDifferences} catalog difference${catalogDifferences === 1 ? '' : 's'} above.`];
  if (blind.length > 0) {
    lines.push(`pg_dump differences the catalog comparison does not explain (${blind.length}; a blind spot of verify, please report it):`);
    for (const difference of blind) {
      const shown = (sign: string) => (line: string) => `    ${sign} ${line}`.trimEnd();
      lines.push(`  ${dumpObject(difference)}`, ...difference.leftLines.map(shown('-')), ...difference.rightLines.map(shown('+')));
    }
  }
  lines.push('');
  return lines;
}

export function formatReport(report: VerifyReport & { runnerGaps?: RunnerGaps }, baselineName: string, preset: Preset): string {
  const lines = [
    `Chain: ${report.statements.chain} statements; baseline ${baselineName}: ${report.statements.baseline} statements; preset: ${preset}.`,
    '',
    ...runnerGapLines(report.runnerGaps),
    ...(report.assumedRoles.length > 0 ? [`Roles the chain uses but never creates (created first): ${report.assumedRoles.join(', ')}.`, ''] : []),
    ...rejectionLines('Statements of the chain PostgreSQL rejects', report.chainRejections),
  ];
  if (report.missingExtensions.length > 0) {
    lines.push('Extensions PGlite does not have (verification went on without them; statements that need them fail):');
    for (const missing of report.missingExtensions) {
      const standIn = report.standIns.includes(missing.name) ? '; a stand-in type without operators or index methods took its place' : '';
      lines.push(`  ${missing.name}  (created at ${missing.where}${standIn})`);
    }
    lines.push('');
  }
  lines.push(...rejectionLines('Statements of the baseline PostgreSQL rejects', report.baselineRejections));
  if (report.differences.length > 0) {
    lines.push(`Differences between the chain (left) and the baseline (right) (${report.differences.length}: ${countsByCategory(report.differences)}):`);
    for (const { difference, consequences } of summarize(report.differences)) {
      const following = consequences > 0 ? ` (and ${consequences} more that follow from it: its indexes, triggers, policies, grants, comments)` : '';
      lines.push(`  [${difference.category}] ${difference.message}${following}`);
    }
    lines.push('');
    const security = report.differences.filter((difference) => difference.category === 'security').length;
    if (security > 0) {
      lines.push(
        `Security: ${security} difference${security === 1 ? '' : 's'} in privileges, owners or row-level security. A baseline must never grant more (or less) than the chain: verify always fails on these.`,
        '',
      );
    }
  }
  if (report.dump) lines.push(...dumpLines(report.dump, report.differences.length));
  lines.push(verdict(report));
  return `${lines.join('\n')}\n`;
}
