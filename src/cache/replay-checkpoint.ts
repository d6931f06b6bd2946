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
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheRoot, keepNewest } from './parse-cache.js';
import type { ParsedFile } from '../parse/index.js';
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

type Resume = NonNullable<ReplayOptions['resume']>;

export class ReplayCheckpoints {
  /** `keys[k]`: the name of a checkpoint after the first k replayed files. */
  private readonly keys: string[];

  private constructor(
    private readonly dir: string,
    files: ParsedFile[],
    preset: Preset,
  ) {
    this.keys = prefixKeys(files.filter((parsed) => parsed.file.replayed), preset);
  }

  /** The checkpoints for a run over these files; null when caching is off or miglint's code cannot be read. */
  static open(cwd: string, files: ParsedFile[], preset: Preset, env: NodeJS.ProcessEnv = process.env): ReplayCheckpoints | null {
    const root = cacheRoot(cwd, env);
    if (root === null) return null;
    try {
      return new ReplayCheckpoints(path.join(root, 'replay'), files, preset);
    } catch {
      return null;
    }
  }

  /** The replay options that resume from the latest checkpoint these files allow and keep a new one. */
  options(): ReplayOptions {
    const resume = this.latest();
    const files = this.keys.length - 2;
    // The replay takes no progress where it resumed: that checkpoint is on disk already.
    if (files < 1) return { resume };
    return { resume, progressAt: { files, take: (progress) => this.save(this.keys[files]!, progress) } };
  }

  /** The checkpoint after the most files that these files begin with; null when there is none. */
  private latest(): Resume | null {
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

  private read(key: string, files: number): Resume | null {
    try {
      const bytes = readFileSync(path.join(this.dir, key + EXTENSION));
      const headerLength = bytes.readUInt32LE(0);
      const header = deserialize(bytes.subarray(4, 4 + headerLength)) as Header;
      if (header.format !== FORMAT || header.files !== files || !Array.isArray(header.chainAnswers)) return null;
      const state = bytes.subarray(4 + headerLength);
      return {
        files,
        chainAnswers: header.chainAnswers,
        load: () => ({ ...(deserialize(state) as Omit<ReplayProgress, keyof Header>), files, chainAnswers: header.chainAnswers }),
      };
    } catch {
      return null;
    }
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
      const state = serialize({ schema, history, nextId });
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

/** One key per prefix of the replayed files: `keys[k]` hashes the first k (a chain of hashes). */
function prefixKeys(replayed: ParsedFile[], preset: Preset): string[] {
  let key = createHash('sha1').update(`${FORMAT}\0${codeFingerprint()}\0${preset}`).digest('hex');
  const keys = [key];
  for (const { file } of replayed) {
    key = hashFile(createHash('sha1').update(key), file).digest('hex');
    keys.push(key);
  }
  return keys;
}
