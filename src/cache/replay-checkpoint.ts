/**
 * Replay checkpoints: the replay's state after all but the last of a folder's files, so that the
 * next run, in which only the last files changed (a pre-commit hook's case), replays those alone.
 * Lives next to the parse cache, in `replay/`; safe to delete.
 *
 * Never stale: a checkpoint is named after the hash of everything the replay of those first files
 * depends on (miglint's code and libraries, the preset, and each file's name, runner metadata
 * and text, in order). Later files reach into it only through the relations the chain creates,
 * so it also holds each question the replay asked about those and the answer, which the replay
 * checks again before it resumes (see `ReplayOptions.resume`).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheRoot, keepNewest } from './parse-cache.js';
import type { MigrationFile } from '../discover/index.js';
import type { Preset } from '../presets.js';
import type { ReplayOptions, ReplayProgress } from '../replay/index.js';
import { codeFingerprint } from './result-cache.js';
import { hashFile } from './file-identity.js';

const FORMAT = 1;

/** Checkpoints kept (the newest by write time): two folder states side by side (one is 30 MB at 1,000 files). */
const KEPT = 2;

const EXTENSION = '.v8';

/** What a checkpoint holds before its state: enough to tell whether the replay may resume from it. */
interface Header {
  format: typeof FORMAT;
  files: number;
  chainAnswers: [string, boolean][];
}

type State = Omit<ReplayProgress, keyof Header>;

/** A checkpoint found on disk, kept open: its state is read again if the replay asks twice. */
interface Found {
  files: number;
  chainAnswers: [string, boolean][];
  descriptor: number;
  stateOffset: number;
  stateLength: number;
  /** The state as read when the checkpoint was found, until the replay takes it. */
  first: State | null;
}

export class ReplayCheckpoints {
  /** `keys[k]`: the name of a checkpoint after the first k replayed files. */
  private readonly keys: string[];
  private found: Found | null = null;

  private constructor(
    private readonly dir: string,
    files: MigrationFile[],
    preset: Preset,
  ) {
    this.keys = prefixKeys(files.filter((file) => file.replayed), preset);
  }

  /**
   * The checkpoints for a run over these files, with the state of the latest one they allow
   * already read: called before the files are parsed, so that the checkpoint's bytes and the
   * parsed trees are never in memory together (at 10,000 files, 300 MB and 450 MB). Null when
   * caching is off or miglint's code cannot be read. Call close() after the replay.
   */
  static open(cwd: string, files: MigrationFile[], preset: Preset, env: NodeJS.ProcessEnv = process.env): ReplayCheckpoints | null {
    const root = cacheRoot(cwd, env);
    if (root === null) return null;
    let checkpoints: ReplayCheckpoints;
    try {
      checkpoints = new ReplayCheckpoints(path.join(root, 'replay'), files, preset);
    } catch {
      return null;
    }
    checkpoints.found = checkpoints.latest();
    return checkpoints;
  }

  /** The replay options that resume from the latest checkpoint these files allow and keep a new one. */
  options(): ReplayOptions {
    const found = this.found;
    const resume = found && { files: found.files, chainAnswers: found.chainAnswers, load: () => this.load(found), unused: () => this.close() };
    const files = this.keys.length - 2;
    // The replay takes no progress where it resumed: that checkpoint is on disk already.
    if (files < 1) return { resume };
    return { resume, progressAt: { files, take: (progress) => this.save(this.keys[files]!, progress) } };
  }

  /** Lets go of the checkpoint the replay could resume from, and of its state if the replay did not take it. */
  close(): void {
    if (this.found) {
      closeSync(this.found.descriptor);
      this.found.first = null;
    }
    this.found = null;
  }

  /** The checkpoint after the most files that these files begin with; null when there is none. */
  private latest(): Found | null {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return null;
    }
    const stored = new Set(names);
    for (let files = this.keys.length - 1; files > 0; files--) {
      if (!stored.has(this.keys[files]! + EXTENSION)) continue;
      const checkpoint = this.read(this.keys[files]!, files);
      if (checkpoint) return checkpoint;
    }
    return null;
  }

  private read(key: string, files: number): Found | null {
    let descriptor: number;
    try {
      descriptor = openSync(path.join(this.dir, key + EXTENSION), 'r');
    } catch {
      return null;
    }
    try {
      const headerLength = readAt(descriptor, 0, 4).readUInt32LE(0);
      const header = deserialize(readAt(descriptor, 4, headerLength)) as Header;
      if (header.format !== FORMAT || header.files !== files || !Array.isArray(header.chainAnswers)) throw new Error('not this checkpoint');
      const stateOffset = 4 + headerLength;
      const found: Found = { files, chainAnswers: header.chainAnswers, descriptor, stateOffset, stateLength: fstatSync(descriptor).size - stateOffset, first: null };
      found.first = readState(found);
      return found;
    } catch {
      closeSync(descriptor);
      return null;
    }
  }

  /** The checkpoint's state, as the replay gets it: a fresh copy at each call (it changes what it gets). */
  private load(found: Found): ReplayProgress {
    const state = found.first ?? readState(found);
    found.first = null;
    return { ...state, files: found.files, chainAnswers: found.chainAnswers };
  }

  /** Writes a checkpoint through a temporary file and a rename; failures only cost the next run its speed. */
  private save(key: string, progress: ReplayProgress): void {
    const target = path.join(this.dir, key + EXTENSION);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      const { files, chainAnswers, schema, history, nextId } = progress;
      const header = serialize({ format: FORMAT, files, chainAnswers } satisfies Header);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      const state = serialize({ schema, history, nextId } satisfies State);
      mkdirSync(this.dir, { recursive: true });
      // Written piece by piece: the state is large (300 MB at 10,000 files), and one more copy of it would raise the peak.
      const descriptor = openSync(temporary, 'w');
      try {
        for (const part of [length, header, state]) for (let written = 0; written < part.length; ) written += writeSync(descriptor, part, written);
      } finally {
        closeSync(descriptor);
      }
      renameSync(temporary, target);
      keepNewest(target, EXTENSION, KEPT);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

/** The state part of an open checkpoint (still readable once another run replaced or deleted the file). */
function readState(found: Found): State {
  return deserialize(readAt(found.descriptor, found.stateOffset, found.stateLength)) as State;
}

/** Exactly `length` bytes from `position` on; throws at the end of the file. */
function readAt(descriptor: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let read = 0; read < length; ) {
    const got = readSync(descriptor, bytes, read, length - read, position + read);
    if (got === 0) throw new Error('checkpoint ends early');
    read += got;
  }
  return bytes;
}

/** One key per prefix of the replayed files: `keys[k]` hashes the first k (a chain of hashes). */
function prefixKeys(replayed: MigrationFile[], preset: Preset): string[] {
  let key = createHash('sha1').update(`${FORMAT}\0${codeFingerprint()}\0${preset}`).digest('hex');
  const keys = [key];
  for (const file of replayed) {
    key = hashFile(createHash('sha1').update(key), file).digest('hex');
    keys.push(key);
  }
  return keys;
}
