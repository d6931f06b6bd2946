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
  exitCode: number | null;
}

export interface Command {
  file: string;
  args: string[];
  /** Run before every timed run, untimed (e.g. clearing a cache). */
  before?: () => void;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
}

export function runOnce(command: Command, withMemory: boolean): Run {
  command.before?.();
  const scratch = withMemory ? mkdtempSync(path.join(tmpdir(), 'miglint-bench-')) : null;
  const memoryFile = scratch ? path.join(scratch, 'rss') : null;
  const [file, args] = memoryFile
    ? [GNU_TIME, ['-f', '%M', '-o', memoryFile, command.file, ...command.args]]
    : [command.file, command.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMb: number | null = null;
  if (memoryFile && scratch) {
    const kilobytes = Number.parseInt(readFileSync(memoryFile, 'utf8').trim().split('\n').pop() ?? '', 10);
    peakMb = Number.isFinite(kilobytes) ? kilobytes / 1024 : null;
    rmSync(scratch, { recursive: true, force: true });
  }
  if (result.error) throw result.error;
  return { seconds, peakMb, exitCode: result.status };
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
  exitCodes: number[];
}

export function measure(command: Command, runs: number, withMemory: boolean): Summary {
  const results = Array.from({ length: runs }, () => runOnce(command, withMemory));
  const peaks = results.map((run) => run.peakMb).filter((mb): mb is number => mb !== null);
  return {
    medianSeconds: median(results.map((run) => run.seconds)),
    minSeconds: Math.min(...results.map((run) => run.seconds)),
    maxPeakMb: peaks.length > 0 ? Math.max(...peaks) : null,
    exitCodes: [...new Set(results.map((run) => run.exitCode ?? -1))],
  };
}
