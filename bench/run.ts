/**
 * `npm run bench`: generates the benchmark folders under .bench/ (git-ignored), then times
 * whole-process `miglint lint <dir> --format json` (caches cold, warm, and with one file changed) against squawk
 * on the same files and prints a table of medians, ratios and peak memory.
 *
 * Then times `miglint verify` on 5 and 1,000 files against the goals of issue 13 (bench/verify.ts).
 *
 * Options: --sizes 100,1000,10000  --runs 5  --no-dump  --no-memory  --no-verify  --verify-runs 3
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDump, generateFolder } from './generate.js';
import { hasGnuTime, measure, type Command, type Summary } from './measure.js';
import { benchVerify } from './verify.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(root, '.bench');
/** The folder the cold runs delete: MIGLINT_CACHE when set (a private cache), else the default one. */
const cacheDir = process.env.MIGLINT_CACHE ? path.resolve(process.env.MIGLINT_CACHE) : path.join(root, 'node_modules', '.cache', 'miglint');

interface Options {
  sizes: number[];
  runs: number;
  dump: boolean;
  memory: boolean;
  /** Runs of each verify case; 0 leaves verify out. */
  verifyRuns: number;
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? undefined : argv[at + 1];
  };
  return {
    sizes: (value('sizes') ?? '100,1000,10000').split(',').map(Number).filter((n) => n > 0),
    runs: Math.max(1, Number(value('runs') ?? 5)),
    dump: !argv.includes('--no-dump'),
    memory: !argv.includes('--no-memory') && hasGnuTime(),
    verifyRuns: argv.includes('--no-verify') ? 0 : Math.max(1, Number(value('verify-runs') ?? 3)),
  };
}

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

interface Row {
  name: string;
  cold: Summary;
  warm: Summary;
  /** One file edited before each run: the result cache misses, the parse cache serves the rest (a pre-commit hook's case). */
  oneChanged: Summary;
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

function benchFolder(name: string, dir: string, options: Options, squawk: string | null): Row {
  const miglint = (before?: () => void): Command => ({
    file: process.execPath,
    args: [path.join(root, 'bin', 'miglint.js'), 'lint', dir, '--format', 'json'],
    ...(before ? { before } : {}),
  });
  const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });
  process.stderr.write(`${name}: miglint, cold cache\n`);
  const cold = measure(miglint(clearCache), options.runs, options.memory);
  process.stderr.write(`${name}: miglint, warm cache\n`);
  measure(miglint(), 1, false);
  const warm = measure(miglint(), options.runs, options.memory);
  process.stderr.write(`${name}: miglint, one file changed\n`);
  const editor = editingLastFile(dir);
  const oneChanged = measure(miglint(editor.edit), options.runs, options.memory);
  editor.restore();
  let squawkSummary: Summary | null = null;
  if (squawk) {
    process.stderr.write(`${name}: squawk\n`);
    squawkSummary = measure({ file: squawk, args: ['--reporter', 'json', path.join(dir, '*.sql')] }, options.runs, options.memory);
  }
  return { name, cold, warm, oneChanged, squawk: squawkSummary };
}

const seconds = (summary: Summary | null) => (summary ? summary.medianSeconds.toFixed(2) : 'n/a');
const megabytes = (summary: Summary | null) => (summary?.maxPeakMb != null ? summary.maxPeakMb.toFixed(0) : 'n/a');
const ratio = (a: Summary, b: Summary | null) => (b ? (a.medianSeconds / b.medianSeconds).toFixed(2) : 'n/a');

function table(rows: Row[]): string {
  const header = [
    '| folder | miglint cold (s) | miglint warm (s) | one file changed (s) | squawk (s) | cold/squawk | warm/squawk | cold/warm | cold/one changed | peak MB cold / warm / one changed / squawk |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const lines = rows.map(
    (row) =>
      `| ${row.name} | ${seconds(row.cold)} | ${seconds(row.warm)} | ${seconds(row.oneChanged)} | ${seconds(row.squawk)} | ` +
      `${ratio(row.cold, row.squawk)} | ${ratio(row.warm, row.squawk)} | ${(row.cold.medianSeconds / row.warm.medianSeconds).toFixed(1)}x | ` +
      `${(row.cold.medianSeconds / row.oneChanged.medianSeconds).toFixed(1)}x | ` +
      `${megabytes(row.cold)} / ${megabytes(row.warm)} / ${megabytes(row.oneChanged)} / ${megabytes(row.squawk)} |`,
  );
  return [...header, ...lines].join('\n');
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
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

  const rows: Row[] = [];
  for (const size of options.sizes) {
    const dir = path.join(benchDir, `folder-${size}`);
    process.stderr.write(`generating ${size} files in ${path.relative(root, dir)}\n`);
    generateFolder(dir, size);
    rows.push(benchFolder(`${size} files`, dir, options, squawk));
  }
  if (options.dump) {
    const dir = path.join(benchDir, 'dump');
    process.stderr.write(`generating a 10 MB dump in ${path.relative(root, dir)}\n`);
    generateDump(dir, 10 * 1024 * 1024);
    rows.push(benchFolder('one 10 MB dump', dir, options, squawk));
  }
  process.stdout.write(
    `node ${process.version}, ${options.runs} runs each, medians; cold = caches deleted before every run; warm = unchanged folder (result cache); one file changed = parse cache for the rest\n\n${table(rows)}\n`,
  );
  if (options.verifyRuns > 0) {
    const verifyTable = benchVerify(root, benchDir, { runs: options.verifyRuns, memory: options.memory });
    process.stdout.write(`\nmiglint verify, ${options.verifyRuns} runs each, medians, prepared database cached\n\n${verifyTable}\n`);
  }
}

main();
