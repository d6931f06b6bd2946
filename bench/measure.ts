/**
 * Whole-process timings: wall-clock time of a child process and, where GNU time is installed,
 * its peak resident memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Run {
  seconds: number;
  /** Peak resident set size in MB; null without GNU time. */
  peakMb: number | null;
  /** User plus system CPU seconds; null without GNU time. On a shared machine, steadier than wall time. */
  cpuSeconds: number | null;
  exitCode: number | null;
}

export interface Command {
  file: string;
  args: string[];
  /** Run before every timed run, untimed (e.g. clearing a cache). */
  before?: () => void;
  /** Added to the bench's own environment (e.g. MIGLINT_CACHE). */
  env?: Record<string, string>;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
}

export function runOnce(command: Command, withMemory: boolean): Run {
  command.before?.();
  const scratch = withMemory ? mkdtempSync(path.join(tmpdir(), 'miglint-bench-')) : null;
  const memoryFile = scratch ? path.join(scratch, 'rss') : null;
  const [file, args] = memoryFile
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', memoryFile, command.file, ...command.args]]
    : [command.file, command.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...command.env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMb: number | null = null;
  let cpuSeconds: number | null = null;
  if (memoryFile && scratch) {
    // GNU time prints "Command exited with non-zero status N" first when the command fails.
    const [kilobytes, user, system] = (readFileSync(memoryFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    peakMb = Number.isFinite(kilobytes) ? kilobytes! / 1024 : null;
    cpuSeconds = Number.isFinite(user) && Number.isFinite(system) ? user! + system! : null;
    rmSync(scratch, { recursive: true, force: true });
  }
  if (result.error) throw result.error;
  return { seconds, peakMb, cpuSeconds, exitCode: result.status };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Summary {
  medianSeconds: number;
  minSeconds: number;
  maxPeakMb: number | null;
  /** Median CPU seconds (user + system); null without GNU time. */
  medianCpuSeconds: number | null;
  exitCodes: number[];
}

export function measure(command: Command, runs: number, withMemory: boolean): Summary {
  const results = Array.from({ length: runs }, () => runOnce(command, withMemory));
  const peaks = results.map((run) => run.peakMb).filter((mb): mb is number => mb !== null);
  const cpu = results.map((run) => run.cpuSeconds).filter((seconds): seconds is number => seconds !== null);
  return {
    medianSeconds: median(results.map((run) => run.seconds)),
    minSeconds: Math.min(...results.map((run) => run.seconds)),
    maxPeakMb: peaks.length > 0 ? Math.max(...peaks) : null,
    medianCpuSeconds: cpu.length > 0 ? median(cpu) : null,
    exitCodes: [...new Set(results.map((run) => run.exitCode ?? -1))],
  };
}
