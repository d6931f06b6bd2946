/**
 * Layouts whose runner takes its order from the folder's structure or its own order file
 * (Prisma, drizzle-kit, sqitch, graphile-migrate), not from a version in each file name.
 * Each reader returns the files the runner applies, in its order, the files it knows but never
 * replays (sqitch's revert and verify scripts), and what its own bookkeeping says is broken.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedName } from './filename.js';
import { gmrcText } from './graphile-placeholders.js';

/** Something the runner's own order or integrity file says is wrong, at a place in a file. */
export interface RunnerProblem {
  /** Relative to the migrations folder, `/`-separated. */
  name: string;
  line: number;
  message: string;
}

export interface RunnerPlacement {
  /** Relative names in the order the runner applies them, with what the name means. */
  applied: { name: string; meaning: ParsedName }[];
  /** Files the runner knows but never applies forward. */
  known: Set<string>;
  problems: RunnerProblem[];
}

function meaning(version: string | null, description: string): ParsedName {
  return {
    scheme: 'plain',
    version,
    versionParts: version === null ? [] : [version.replace(/^0+(?=\d)/, '')],
    description,
    direction: null,
    repeatable: false,
    undo: false,
  };
}

/**
 * Prisma: every subfolder holds one `migration.sql`; folders apply in name order (Prisma's
 * listMigrations sorts them with localeCompare), and each is recorded under its whole folder
 * name, so two folders with the same timestamp both apply.
 */
export function prismaPlacement(names: string[]): RunnerPlacement {
  const applied = names
    .filter((name) => /^[^/]+\/migration\.sql$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((name) => {
      const folder = name.split('/')[0]!;
      const stamp = /^(\d+)(?:_(.*))?$/.exec(folder);
      return { name, meaning: meaning(stamp ? stamp[1]! : null, stamp ? (stamp[2] ?? '') : folder) };
    });
  return { applied, known: new Set(), problems: [] };
}

interface JournalEntry {
  idx?: unknown;
  tag?: unknown;
}

/**
 * drizzle-kit: `meta/_journal.json` lists the migrations (`entries[].tag`, file `<tag>.sql`)
 * in the order its migrator applies them; a .sql file the journal does not list never runs.
 */
export function drizzlePlacement(dir: string, names: string[]): RunnerPlacement {
  const journalName = 'meta/_journal.json';
  const problems: RunnerProblem[] = [];
  let entries: JournalEntry[] = [];
  try {
    const journal = JSON.parse(readFileSync(path.join(dir, journalName), 'utf8')) as { entries?: unknown };
    if (Array.isArray(journal.entries)) entries = journal.entries as JournalEntry[];
    else problems.push({ name: journalName, line: 1, message: 'meta/_journal.json has no "entries" list: drizzle-kit applies nothing from this folder.' });
  } catch (error) {
    problems.push({ name: journalName, line: 1, message: `meta/_journal.json cannot be read as JSON (${(error as Error).message}).` });
  }
  const present = new Set(names);
  const applied: RunnerPlacement['applied'] = [];
  for (const entry of entries) {
    if (typeof entry.tag !== 'string') continue;
    const name = `${entry.tag}.sql`;
    if (!present.has(name)) {
      problems.push({ name: journalName, line: 1, message: `The journal lists "${entry.tag}", but ${name} is not in the folder: drizzle-kit's migrate stops there.` });
      continue;
    }
    const numbered = /^(\d+)_(.*)$/.exec(entry.tag);
    applied.push({ name, meaning: meaning(numbered ? numbered[1]! : null, numbered ? numbered[2]! : entry.tag) });
  }
  return { applied, known: new Set(), problems };
}

/**
 * sqitch: `sqitch.plan` lists changes in deploy order; each deploys `deploy/<change>.sql`. A
 * change reworked later appears again in the plan; its earlier deploys use the copy sqitch
 * kept as `deploy/<change>@<the first tag after it>.sql`. Revert and verify scripts are known,
 * not replayed.
 */
export function sqitchPlacement(dir: string, names: string[]): RunnerPlacement {
  const planName = 'sqitch.plan';
  const lines = readFileSync(path.join(dir, planName), 'utf8').split(/\r?\n/);
  const changes: { change: string; line: number; tag: string | null }[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('%') || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const tag = line.slice(1).split(/\s/)[0]!;
      for (const change of changes) if (change.tag === null) change.tag = tag;
      continue;
    }
    const change = /^([^\s[]+)/.exec(line)?.[1];
    if (change) changes.push({ change, line: index + 1, tag: null });
  }
  const present = new Set(names);
  const problems: RunnerProblem[] = [];
  const applied: RunnerPlacement['applied'] = [];
  changes.forEach(({ change, line, tag }, position) => {
    const reworkedLater = changes.slice(position + 1).some((later) => later.change === change);
    const name = reworkedLater && tag !== null ? `deploy/${change}@${tag}.sql` : `deploy/${change}.sql`;
    if (!present.has(name)) {
      problems.push({ name: planName, line, message: `sqitch.plan lists the change "${change}", but ${name} is not in the folder: sqitch deploy stops there.` });
      return;
    }
    applied.push({ name, meaning: meaning(null, change) });
  });
  const known = new Set(names.filter((name) => /^(revert|verify)\//.test(name)));
  return { applied, known, problems };
}

const GRAPHILE_COMMITTED = /^committed\/(\d+)(-[-_a-zA-Z0-9]*)?\.sql$/;

/**
 * graphile-migrate: `committed/000001.sql`, ... in name order, each signed with a hash of its
 * body and of the previous migration's hash (`--! Previous:` / `--! Hash:`): graphile-migrate
 * refuses a chain whose links or hashes do not match. `current.sql` (or `current/`) is work in
 * progress: known, not part of the committed history. The `afterReset` SQL files `.gmrc` names
 * run first: a database built by `graphile-migrate reset` has what they create.
 */
export function graphilePlacement(dir: string, names: string[], sourceOf: (name: string) => string | null): RunnerPlacement {
  const afterReset = graphileAfterReset(dir, names).map((name) => ({ name, meaning: meaning(null, 'afterReset') }));
  const committed = names.filter((name) => GRAPHILE_COMMITTED.test(name)).sort((a, b) => a.localeCompare(b, 'en'));
  const problems: RunnerProblem[] = [];
  let previousHash: string | null = null;
  const applied = committed.map((name) => {
    const [, number, slug] = GRAPHILE_COMMITTED.exec(name)!;
    const text = sourceOf(name) ?? '';
    problems.push(...chainProblems(name, text, previousHash));
    previousHash = headers(text).Hash ?? null;
    return { name, meaning: meaning(number!, (slug ?? '').replace(/^-/, '')) };
  });
  const known = new Set(names.filter((name) => name === 'current.sql' || name.startsWith('current/')));
  return { applied: [...afterReset, ...applied], known, problems };
}

function headers(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const header = /^--! ([A-Z][a-zA-Z0-9_]*)(?::(.*))?$/.exec(line);
    if (!header) break;
    found[header[1]!] = (header[2] ?? '').trim();
  }
  return found;
}

/** graphile-migrate's own checks of one committed file, as its `migrate` makes them. */
function chainProblems(name: string, text: string, previousHash: string | null): RunnerProblem[] {
  const found = headers(text);
  const lines = text.split('\n');
  const headerLines = lines.findIndex((line) => !/^--! /.test(line));
  const line = (key: string) => Math.max(1, lines.findIndex((text) => text.startsWith(`--! ${key}`)) + 1);
  if (found.Previous === undefined || found.Hash === undefined) {
    return [{ name, line: 1, message: 'A committed graphile-migrate migration must start with --! Previous: and --! Hash: headers; graphile-migrate refuses this file.' }];
  }
  const problems: RunnerProblem[] = [];
  const expectedPrevious = previousHash ?? '-';
  if (found.Previous !== expectedPrevious) {
    problems.push({ name, line: line('Previous'), message: `--! Previous: is ${found.Previous}, but the migration before it has hash ${expectedPrevious}: graphile-migrate refuses the chain here.` });
  }
  const body = `${lines.slice(headerLines).join('\n').trim()}\n`;
  const previousForHash = found.Previous === '-' ? '' : found.Previous;
  const actual = `sha1:${createHash('sha1').update(`${`${previousForHash}\n${body}`.trim()}\n`).digest('hex')}`;
  if (actual !== found.Hash && !('AllowInvalidHash' in found)) {
    problems.push({ name, line: line('Hash'), message: `--! Hash: is ${found.Hash}, but the file hashes to ${actual}: it was edited after it was committed, and graphile-migrate refuses to run it.` });
  }
  return problems;
}

/** The runner whose own files mark this folder, if any, and the file that says so. */
export function runnerMarker(dir: string, names: string[]): { layout: 'prisma' | 'drizzle' | 'sqitch' | 'graphile-migrate'; because: string } | null {
  if (existsSync(path.join(dir, 'migration_lock.toml'))) return { layout: 'prisma', because: 'migration_lock.toml' };
  if (existsSync(path.join(dir, 'meta', '_journal.json'))) return { layout: 'drizzle', because: 'meta/_journal.json' };
  if (existsSync(path.join(dir, 'sqitch.plan'))) return { layout: 'sqitch', because: 'sqitch.plan' };
  if (names.some((name) => GRAPHILE_COMMITTED.test(name))) return { layout: 'graphile-migrate', because: 'committed/<number>.sql' };
  const folders = names.filter((name) => /^\d{14}_[^/]+\/migration\.sql$/.test(name)).length;
  if (folders > 0 && folders * 2 > names.length) return { layout: 'prisma', because: `${folders} <timestamp>_<name>/migration.sql folders` };
  return null;
}

/**
 * The SQL files graphile-migrate's `.gmrc` (next to the migrations folder) runs after a reset,
 * before the migrations: `"afterReset": ["!afterReset.sql"]` (`!` runs it as the superuser).
 * Relative to the migrations folder.
 */
export function graphileAfterReset(dir: string, names: string[]): string[] {
  const list = /"afterReset"\s*:\s*\[([^\]]*)\]/.exec(gmrcText(dir) ?? '')?.[1] ?? '';
  const files = [...list.matchAll(/"!?([^"]+\.sql)"/g)].map((match) => match[1]!);
  return files.filter((name) => names.includes(name));
}
