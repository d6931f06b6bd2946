/**
 * `miglint verify` on the generated folders of 5 and 1,000 files: whole-process time and peak
 * memory against the goals of issue 13 (5 files in 3 s; 1,000 files in 20 s and 1 GB). The
 * prepared platform database is cached (it is made by the first, untimed run), as it is on a
 * user's machine from the second verify on.
 */
import path from 'node:path';
import { generateFolder } from './generate.js';
import { measure, type Summary } from './measure.js';

interface Goal {
  files: number;
  seconds: number;
  /** Peak resident memory, MB; null where the issue sets none. */
  megabytes: number | null;
}

const GOALS: Goal[] = [
  { files: 5, seconds: 3, megabytes: null },
  { files: 1000, seconds: 20, megabytes: 1024 },
];

export interface VerifyBenchOptions {
  runs: number;
  memory: boolean;
}

function row(goal: Goal, summary: Summary): string {
  const peak = summary.maxPeakMb;
  const memory = peak === null ? 'n/a' : peak.toFixed(0);
  const memoryRatio = peak === null || goal.megabytes === null ? 'n/a' : (peak / goal.megabytes).toFixed(2);
  return (
    `| ${goal.files} files | ${summary.medianSeconds.toFixed(2)} | ${goal.seconds} | ${(summary.medianSeconds / goal.seconds).toFixed(2)} | ` +
    `${memory} | ${goal.megabytes ?? 'none'} | ${memoryRatio} | ${summary.exitCodes.join(', ')} |`
  );
}

/** The verify table, generating its folders under `benchDir`. */
export function benchVerify(root: string, benchDir: string, options: VerifyBenchOptions): string {
  const rows = GOALS.map((goal) => {
    const dir = path.join(benchDir, `verify-${goal.files}`);
    process.stderr.write(`generating ${goal.files} files in ${path.relative(root, dir)}\n`);
    generateFolder(dir, goal.files);
    const command = { file: process.execPath, args: [path.join(root, 'bin', 'miglint.js'), 'verify', dir] };
    process.stderr.write(`${goal.files} files: miglint verify (one untimed run prepares the cached database)\n`);
    measure(command, 1, false);
    return row(goal, measure(command, options.runs, options.memory));
  });
  return [
    '| verify | median (s) | goal (s) | time/goal | peak MB | goal MB | peak/goal | exit codes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
