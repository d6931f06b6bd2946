/**
 * `npm run bench`: generates the benchmark folders under .bench/ (git-ignored), times whole
 * processes against squawk on the same files, and prints issue 13's goals, each measured in this
 * run and marked met or MISSED (see goals.ts; the goal list is `issueGoals` below).
 *
 * Cold runs have the caches off (MIGLINT_CACHE=off). Warm and one-file-changed runs use a private
 * cache folder (.bench/cache, or MIGLINT_CACHE when it names a folder), emptied for each folder
 * and filled by one untimed run over the unchanged folder, as a developer's earlier run would.
 * "One changed" appends a comment to the folder's last migration before each run: the pre-commit
 * case, which resumes from the replay checkpoint of the unchanged files; "no checkpoint" is the
 * same edit with the checkpoints deleted before each run (folders of up to 1,000 files).
 * verify runs with the cache filled by one untimed run: issue 13 has it start from a prepared
 * database made once and cached, so its goals are about every verify after the first.
 *
 * Options: --sizes 100,1000,10000  --runs 5  --verify-runs <runs>  --no-dump  --no-memory  --no-verify
 *          --real <folder>,<folder>  (or MIGLINT_BENCH_REAL=<folder>:<folder>): real migration
 *          folders for the real-folder goal (not in the repository; the row is skipped without them)
 *          --sizes 0 benches no generated folder (the other goals only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discover } from '../src/discover/index.js';
import { generateDump, generateFolder } from './generate.js';
import { goalTable, measureGoals, ratioOf, type Goal, type Measured, type Side, type Skipped } from './goals.js';
import { hasGnuTime, measure, type Command, type Summary } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the generated folders go: MIGLINT_BENCH_DIR, so that two benches can run side by side, else .bench. */
const benchDir = process.env.MIGLINT_BENCH_DIR ? path.resolve(process.env.MIGLINT_BENCH_DIR) : path.join(root, '.bench');
const miglintBin = path.join(root, 'bin', 'miglint.js');
const CACHE_OFF = { MIGLINT_CACHE: 'off' };
/** The private cache of warm and one-changed runs: MIGLINT_CACHE when it names a folder, else .bench/cache. */
const cacheDir =
  process.env.MIGLINT_CACHE && process.env.MIGLINT_CACHE !== 'off' ? path.resolve(process.env.MIGLINT_CACHE) : path.join(benchDir, 'cache');
const CACHE_ON = { MIGLINT_CACHE: cacheDir };
/** Folders this size or smaller are also timed with one file changed and no replay checkpoint. */
const CHECKPOINT_COMPARISON_MAX_FILES = 1000;

interface Options {
  sizes: number[];
  runs: number;
  verifyRuns: number;
  dump: boolean;
  memory: boolean;
  verify: boolean;
  realFolders: string[];
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? undefined : argv[at + 1];
  };
  const runs = Math.max(1, Number(value('runs') ?? 5));
  const real = value('real')?.split(',') ?? env.MIGLINT_BENCH_REAL?.split(path.delimiter) ?? [];
  return {
    sizes: (value('sizes') ?? '100,1000,10000').split(',').map(Number).filter((n) => n > 0),
    runs,
    verifyRuns: Math.max(1, Number(value('verify-runs') ?? runs)),
    dump: !argv.includes('--no-dump'),
    memory: !argv.includes('--no-memory') && hasGnuTime(),
    verify: !argv.includes('--no-verify'),
    realFolders: real.filter((folder) => folder !== '').map((folder) => path.resolve(folder)),
  };
}

/** A Node process that loads libpg-query's WASM and parses one statement: the least a lint with it can do. */
const PARSER_LOAD = `const { loadModule, parseSync } = await import(${JSON.stringify(
  pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('libpg-query')).href,
)}); await loadModule(); parseSync('select 1');`;

const SQUAWK_VERSION = '2.66.0';

/**
 * The squawk binary itself (not its Node wrapper, which would add a Node start-up to its time),
 * installed from the npm registry into .bench/tools on first use. It is not a devDependency:
 * its per-platform optional packages break `npm ci` on a lock file written on another platform.
 */
function findSquawk(): string | null {
  const tools = path.join(root, '.bench', 'tools');
  const binary = process.platform === 'win32' ? 'squawk.exe' : 'squawk';
  const resolve = () => {
    try {
      return createRequire(path.join(tools, 'package.json')).resolve(`@squawk-cli/${process.platform}-${process.arch}/bin/${binary}`);
    } catch {
      return null;
    }
  };
  if (resolve()) return resolve();
  process.stderr.write(`bench: installing squawk-cli@${SQUAWK_VERSION} into .bench/tools\n`);
  mkdirSync(tools, { recursive: true });
  const install = spawnSync('npm', ['install', '--prefix', tools, '--no-save', '--no-package-lock', `squawk-cli@${SQUAWK_VERSION}`], {
    stdio: 'inherit',
  });
  return install.status === 0 ? resolve() : null;
}

const miglint = (args: string[], env: Record<string, string>, before?: () => void): Command => ({
  file: process.execPath,
  args: [miglintBin, ...args],
  env,
  ...(before ? { before } : {}),
});

interface Row {
  name: string;
  cold: Summary;
  warm: Summary;
  /** The last file edited before each run, the checkpoint of the others kept: a pre-commit hook's case. */
  oneChanged: Summary;
  /** The same edit with the replay checkpoints deleted: what the checkpoint saves. */
  oneChangedNoCheckpoint: Summary | null;
  /** Whether the untimed run over the unchanged folder left a replay checkpoint to resume from. */
  checkpointWritten: boolean;
  squawk: Summary | null;
}

/** Appends a comment to the folder's last migration before each run; `restore` puts the file back. */
function editingLastFile(dir: string): { edit: () => void; restore: () => void } {
  const last = path.join(dir, readdirSync(dir).filter((name) => name.endsWith('.sql')).sort().at(-1)!);
  const original = readFileSync(last);
  let edits = 0;
  return {
    edit: () => writeFileSync(last, Buffer.concat([original, Buffer.from(`\n-- bench edit ${++edits}\n`)])),
    restore: () => writeFileSync(last, original),
  };
}

const checkpointDir = path.join(cacheDir, 'replay');
const hasCheckpoint = () => existsSync(checkpointDir) && readdirSync(checkpointDir).some((name) => name.endsWith('.v8'));

function benchFolder(name: string, dir: string, fileCount: number, options: Options, squawk: string | null): Row {
  const lint = ['lint', dir, '--format', 'json'];
  process.stderr.write(`${name}: miglint, cold (caches off)\n`);
  const cold = measure(miglint(lint, CACHE_OFF), options.runs, options.memory);
  rmSync(cacheDir, { recursive: true, force: true });
  measure(miglint(lint, CACHE_ON), 1, false);
  const checkpointWritten = hasCheckpoint();
  if (!checkpointWritten) process.stderr.write(`${name}: no replay checkpoint was written; one-changed runs replay every file\n`);
  process.stderr.write(`${name}: miglint, warm cache\n`);
  const warm = measure(miglint(lint, CACHE_ON), options.runs, options.memory);
  const editor = editingLastFile(dir);
  let oneChanged: Summary;
  let oneChangedNoCheckpoint: Summary | null = null;
  try {
    process.stderr.write(`${name}: miglint, last file changed\n`);
    oneChanged = measure(miglint(lint, CACHE_ON, editor.edit), options.runs, options.memory);
    if (fileCount <= CHECKPOINT_COMPARISON_MAX_FILES) {
      process.stderr.write(`${name}: miglint, last file changed, no replay checkpoint\n`);
      const editWithoutCheckpoint = () => {
        editor.edit();
        rmSync(checkpointDir, { recursive: true, force: true });
      };
      oneChangedNoCheckpoint = measure(miglint(lint, CACHE_ON, editWithoutCheckpoint), options.runs, options.memory);
    }
  } finally {
    editor.restore();
  }
  let squawkSummary: Summary | null = null;
  if (squawk) {
    process.stderr.write(`${name}: squawk\n`);
    squawkSummary = measure({ file: squawk, args: ['--reporter', 'json', path.join(dir, '*.sql')] }, options.runs, options.memory);
  }
  const row = { name, cold, warm, oneChanged, oneChangedNoCheckpoint, checkpointWritten, squawk: squawkSummary };
  // Each result as soon as it is known: a long bench stopped early keeps what it measured.
  process.stderr.write(`${folderTable([row]).split('\n').at(-1)}\n`);
  return row;
}

const seconds = (summary: Summary | null) => (summary ? summary.medianSeconds.toFixed(2) : 'n/a');
const cpu = (summary: Summary | null) => (summary?.medianCpuSeconds != null ? summary.medianCpuSeconds.toFixed(2) : 'n/a');
const megabytes = (summary: Summary | null) => (summary?.maxPeakMb != null ? summary.maxPeakMb.toFixed(0) : 'n/a');
const ratio = (a: Summary, b: Summary | null) => (b ? (a.medianSeconds / b.medianSeconds).toFixed(2) : 'n/a');

function folderTable(rows: Row[]): string {
  const header = [
    '| folder | cold (s) | cold CPU (s) | warm (s) | one changed (s) | one changed CPU (s) | one changed, no checkpoint (s) | squawk (s) | squawk CPU (s) | cold/squawk | warm/squawk | peak MB cold / warm / one changed / squawk |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const lines = rows.map(
    (row) =>
      `| ${row.name} | ${seconds(row.cold)} | ${cpu(row.cold)} | ${seconds(row.warm)} | ${seconds(row.oneChanged)}${row.checkpointWritten ? '' : ' (no checkpoint written)'} | ${cpu(row.oneChanged)} | ` +
      `${seconds(row.oneChangedNoCheckpoint)} | ${seconds(row.squawk)} | ${cpu(row.squawk)} | ${ratio(row.cold, row.squawk)} | ${ratio(row.warm, row.squawk)} | ` +
      `${megabytes(row.cold)} / ${megabytes(row.warm)} / ${megabytes(row.oneChanged)} / ${megabytes(row.squawk)} |`,
  );
  return [...header, ...lines].join('\n');
}

interface RealFolderRun {
  dir: string;
  layout: string;
  files: number;
  miglint: Summary;
  squawk: Summary;
}

/** Cold lint of each real folder against squawk given the same files (the ones miglint discovers). */
function benchRealFolders(folders: string[], options: Options, squawk: string): RealFolderRun[] {
  const runs: RealFolderRun[] = [];
  for (const dir of folders) {
    let discovery;
    try {
      discovery = discover(dir);
    } catch (error) {
      process.stderr.write(`real folder ${dir}: skipped, ${(error as Error).message}\n`);
      continue;
    }
    const files = discovery.files.map((file) => file.absolutePath);
    if (files.length === 0) {
      process.stderr.write(`real folder ${dir}: skipped, no migration files found\n`);
      continue;
    }
    process.stderr.write(`real folder ${dir} (${discovery.layout}, ${files.length} files): miglint cold, squawk\n`);
    runs.push({
      dir,
      layout: discovery.layout,
      files: files.length,
      miglint: measure(miglint(['lint', dir, '--format', 'json'], CACHE_OFF), options.runs, options.memory),
      squawk: measure({ file: squawk, args: ['--reporter', 'json', ...files] }, options.runs, options.memory),
    });
  }
  return runs;
}

function realFolderTable(runs: RealFolderRun[]): string {
  const lines = runs.map(
    (run) =>
      `| ${run.dir} | ${run.layout} | ${run.files} | ${seconds(run.miglint)} | ${cpu(run.miglint)} | ` +
      `${seconds(run.squawk)} | ${cpu(run.squawk)} | ${ratio(run.miglint, run.squawk)} | ${run.miglint.exitCodes.join(',')} |`,
  );
  return ['| real folder | layout | files | miglint cold (s) | CPU (s) | squawk (s) | CPU (s) | ratio | miglint exit |',
    '|---|---|---|---|---|---|---|---|---|', ...lines].join(
    '\n',
  );
}

/** Computes a value once, on first use: goals share the folder runs. */
function once<T>(compute: () => T): () => T {
  let value: { computed: T } | null = null;
  return () => (value ??= { computed: compute() }).computed;
}

interface Bench {
  options: Options;
  squawk: string | null;
  /** The benched folder of this many generated files; null when the size is not in --sizes. */
  folder: (size: number) => Row | null;
  realFolders: () => RealFolderRun[];
  /** `miglint --version`, `node -e 0`, and node loading libpg-query to parse one statement. */
  startup: () => { version: Summary; node: Summary; parserLoad: Summary };
  /** `miglint verify` of a generated folder of this many files, its caches filled by an untimed run. */
  verify: (size: number) => Summary;
}

const skip = (reason: string): Skipped => ({ skipped: reason });
const sizeSkipped = (size: number) => skip(`${size}-file folder not benched (--sizes)`);
const side = (label: string, summary: Summary): Side => ({ label, seconds: summary.medianSeconds, cpuSeconds: summary.medianCpuSeconds });

const cpuNote = (summary: Summary) => (summary.medianCpuSeconds === null ? '' : ` (CPU ${summary.medianCpuSeconds.toFixed(2)} s)`);

/** The medians of several summaries added up; CPU time only when every one has it. */
function summed(label: string, summaries: Summary[]): Side {
  const cpu = summaries.map((summary) => summary.medianCpuSeconds);
  return {
    label,
    seconds: summaries.reduce((total, summary) => total + summary.medianSeconds, 0),
    cpuSeconds: cpu.every((seconds) => seconds !== null) ? cpu.reduce((total: number, seconds) => total + seconds!, 0) : null,
  };
}

function oneChangedGoal(bench: Bench, size: number, maxSeconds: number): Goal {
  return {
    name: `${size}-file bench, last file changed`,
    limit: { max: maxSeconds, unit: 's' },
    measure: () => {
      const row = bench.folder(size);
      if (!row) return sizeSkipped(size);
      const without = row.oneChangedNoCheckpoint ? `; ${row.oneChangedNoCheckpoint.medianSeconds.toFixed(2)} s without the checkpoint` : '';
      const written = row.checkpointWritten ? 'resumed from the replay checkpoint' : 'NO checkpoint was written';
      return { value: row.oneChanged.medianSeconds, detail: `median of ${bench.options.runs}${cpuNote(row.oneChanged)}, ${written}${without}` };
    },
  };
}

function verifyGoals(bench: Bench, size: number, maxSeconds: number, maxMb: number | null): Goal[] {
  const skipped = () => (bench.options.verify ? null : skip('--no-verify'));
  const seconds: Goal = {
    name: `verify, ${size}-file folder`,
    limit: { max: maxSeconds, unit: 's' },
    measure: () => {
      if (skipped()) return skipped()!;
      const summary = bench.verify(size);
      return { value: summary.medianSeconds, detail: `median of ${bench.options.verifyRuns}${cpuNote(summary)}, exit ${summary.exitCodes.join(',')}` };
    },
  };
  if (maxMb === null) return [seconds];
  const memory: Goal = {
    name: `verify, ${size}-file folder, peak RSS`,
    limit: { max: maxMb, unit: 'MB' },
    measure: () => {
      if (skipped()) return skipped()!;
      const peak = bench.verify(size).maxPeakMb;
      return peak === null ? skip('GNU time not available') : { value: peak, detail: `max of ${bench.options.verifyRuns} runs` };
    },
  };
  return [seconds, memory];
}

/**
 * What any Node process that parses with libpg-query pays per folder before reading a file,
 * summed over the folders, as a ratio of squawk's whole sum: the part of the real-folder goal
 * no change inside miglint can remove.
 */
function startupFloor(bench: Bench, runs: RealFolderRun[]): string {
  const { node, parserLoad } = bench.startup();
  const squawk = summed('squawk', runs.map((run) => run.squawk));
  const floor = (label: string, summary: Summary) => {
    const total = summary.medianSeconds * runs.length;
    return `${label} ${total.toFixed(2)} s (${(total / squawk.seconds).toFixed(2)}x)`;
  };
  return `floor per folder x ${runs.length}: ${floor('node -e 0', node)}, ${floor('node + libpg-query', parserLoad)}`;
}

/** Issue 13's goals, in its order. */
function issueGoals(bench: Bench): Goal[] {
  return [
    {
      name: 'cold lint of real folders, summed, vs squawk',
      limit: { max: 1.0, unit: 'x' },
      measure: (): Measured | Skipped => {
        if (!bench.squawk) return skip('squawk not installed');
        if (bench.options.realFolders.length === 0) return skip('no real folders given (--real <folder>,<folder> or MIGLINT_BENCH_REAL)');
        const runs = bench.realFolders();
        if (runs.length === 0) return skip('none of the real folders given could be read');
        const measured = ratioOf(
          summed('miglint', runs.map((run) => run.miglint)),
          summed('squawk', runs.map((run) => run.squawk)),
        );
        const layouts = [...new Set(runs.map((run) => run.layout))].length;
        const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
        return {
          ...measured,
          detail: `${measured.detail}; ${plural(runs.length, 'folder')}, ${plural(layouts, 'layout')}; ${startupFloor(bench, runs)}`,
        };
      },
    },
    {
      name: '1,000-file bench, cold, vs squawk',
      limit: { max: 1.5, unit: 'x' },
      measure: () => {
        const row = bench.folder(1000);
        if (!row) return sizeSkipped(1000);
        if (!row.squawk) return skip('squawk not installed');
        return ratioOf(side('miglint', row.cold), side('squawk', row.squawk));
      },
    },
    {
      name: '`miglint --version` vs `node -e 0`',
      limit: { max: 1.5, unit: 'x' },
      measure: () => {
        const { version, node } = bench.startup();
        return ratioOf(side('--version', version), side('node -e 0', node));
      },
    },
    oneChangedGoal(bench, 100, 0.3),
    oneChangedGoal(bench, 1000, 0.8),
    {
      name: '10,000-file bench, cold, peak RSS',
      limit: { max: 500, unit: 'MB' },
      measure: () => {
        const row = bench.folder(10000);
        if (!row) return sizeSkipped(10000);
        const peak = row.cold.maxPeakMb;
        return peak === null ? skip('GNU time not available') : { value: peak, detail: `max of ${bench.options.runs} cold runs` };
      },
    },
    ...verifyGoals(bench, 5, 3, null),
    ...verifyGoals(bench, 1000, 20, 1024),
  ];
}

function generatedFolder(size: number): string {
  const dir = path.join(benchDir, `folder-${size}`);
  process.stderr.write(`generating ${size} files in ${path.relative(root, dir)}\n`);
  generateFolder(dir, size);
  return dir;
}

function main(): void {
  const options = readOptions(process.argv.slice(2), process.env);
  if (!existsSync(path.join(root, 'dist', 'src', 'cli.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first.\n');
    process.exitCode = 2;
    return;
  }
  const squawk = findSquawk();
  if (!squawk) {
    process.stderr.write(
      `bench: squawk could not be installed (no @squawk-cli/${process.platform}-${process.arch} package); timing miglint alone.\n`,
    );
  }
  if (!options.memory) process.stderr.write('bench: GNU time (/usr/bin/time) not available; peak memory not measured.\n');
  if (options.realFolders.length === 0) {
    process.stderr.write('bench: no real folders given (--real <folder>,<folder> or MIGLINT_BENCH_REAL); the real-folder goal is skipped.\n');
  }
  const loadAtStart = loadavg();

  const folderDirs = new Map<number, string>();
  const folderDir = (size: number) => folderDirs.get(size) ?? folderDirs.set(size, generatedFolder(size)).get(size)!;
  const rows = new Map<number, Row>();
  for (const size of options.sizes) rows.set(size, benchFolder(`${size} files`, folderDir(size), size, options, squawk));
  const dumpRows: Row[] = [];
  if (options.dump) {
    const dir = path.join(benchDir, 'dump');
    process.stderr.write(`generating a 10 MB dump in ${path.relative(root, dir)}\n`);
    generateDump(dir, 10 * 1024 * 1024);
    dumpRows.push(benchFolder('one 10 MB dump', dir, 1, options, squawk));
  }
  const verifySummaries = new Map<number, Summary>();
  const bench: Bench = {
    options,
    squawk,
    folder: (size) => rows.get(size) ?? null,
    realFolders: once(() => (squawk ? benchRealFolders(options.realFolders, options, squawk) : [])),
    startup: once(() => {
      process.stderr.write('start-up: miglint --version, node -e 0, node loading libpg-query\n');
      // Start-up takes a tenth of a second: more runs than the folders' to steady the median.
      const runs = Math.max(options.runs, 10);
      return {
        version: measure(miglint(['--version'], CACHE_OFF), runs, options.memory),
        node: measure({ file: process.execPath, args: ['-e', '0'] }, runs, options.memory),
        parserLoad: measure({ file: process.execPath, args: ['--input-type=module', '-e', PARSER_LOAD] }, runs, options.memory),
      };
    }),
    verify: (size) => {
      const measured = verifySummaries.get(size);
      if (measured) return measured;
      const dir = folderDir(size);
      process.stderr.write(`${size} files: miglint verify (one untimed run fills the cache: the prepared database, as from a user's second verify)\n`);
      const verify = miglint(['verify', dir], CACHE_ON);
      measure(verify, 1, false);
      const summary = measure(verify, options.verifyRuns, options.memory);
      verifySummaries.set(size, summary);
      return summary;
    },
  };
  const goals = measureGoals(issueGoals(bench), (result) => process.stderr.write(`${goalTable([result]).split('\n').at(-1)}\n`));
  const loadAtEnd = loadavg();
  const load = (averages: number[]) => averages.map((average) => average.toFixed(1)).join(' ');
  const real = options.realFolders.length > 0 && squawk ? `\n\n${realFolderTable(bench.realFolders())}` : '';
  process.stdout.write(
    `node ${process.version}, ${options.runs} runs each, medians; cold = MIGLINT_CACHE=off; warm = unchanged folder (result cache); ` +
      `one changed = last file edited, the rest from the caches and the replay checkpoint\n` +
      `load average (1, 5, 15 min) at start ${load(loadAtStart)}, at end ${load(loadAtEnd)}\n\n` +
      `${goalTable(goals)}\n\n${folderTable([...rows.values(), ...dumpRows])}${real}\n`,
  );
}

main();
