/**
 * miglint.sum: a hash per migration file, each one covering that file and every file before
 * it (as atlas.sum does), under a first line that hashes the whole list. Two branches that
 * each add a migration both change the first and the last lines, so git reports a conflict
 * when they meet, instead of the database finding out at deploy time. Pure: the folder's
 * reading is discover's, the writing the `sum` command's.
 */
import { createHash } from 'node:crypto';

export const SUM_FILE = 'miglint.sum';

/** The lines git writes around a conflict. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})( |$)/;

export interface SumSource {
  /** The sum file as the user sees it (relative to the working directory). */
  path: string;
  text: string;
}

export interface SumEntry {
  name: string;
  hash: string;
  line: number;
}

export interface RecordedSum {
  path: string;
  entries: SumEntry[];
  /** False when the first line does not match the entries: the file was edited by hand. */
  intact: boolean;
  /** Lines that are not `<name> h1:<hash>`, such as git's conflict markers. */
  unreadable: { line: number; text: string }[];
}

/** The hash of one file, chained onto the previous file's hash. */
export function chainHash(previous: string, name: string, source: string): string {
  return `h1:${createHash('sha256').update(`${previous}\0${name}\0${source}`).digest('base64')}`;
}

function totalHash(entryLines: string[]): string {
  return `h1:${createHash('sha256').update(entryLines.map((line) => `${line}\n`).join('')).digest('base64')}`;
}

/** The sum file's text for files in the order the runner applies them. */
export function sumText(files: { name: string; source: string }[]): string {
  let previous = '';
  const lines = files.map(({ name, source }) => {
    previous = chainHash(previous, name, source);
    return `${name} ${previous}`;
  });
  return [totalHash(lines), ...lines].map((line) => `${line}\n`).join('');
}

export function parseSum(source: SumSource): RecordedSum {
  const lines = source.text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: SumEntry[] = [];
  const unreadable: RecordedSum['unreadable'] = [];
  const entryLines: string[] = [];
  lines.slice(1).forEach((text, index) => {
    const match = /^(.+) (h1:[A-Za-z0-9+/]+=*)$/.exec(text);
    if (match) {
      entries.push({ name: match[1]!, hash: match[2]!, line: index + 2 });
      entryLines.push(text);
    } else {
      unreadable.push({ line: index + 2, text });
    }
  });
  const first = lines[0] ?? '';
  if (!/^h1:[A-Za-z0-9+/]+=*$/.test(first)) unreadable.unshift({ line: 1, text: first });
  return { path: source.path, entries, intact: first === totalHash(entryLines), unreadable };
}

export type SumDifference =
  | { kind: 'edited'; name: string; entry: SumEntry }
  | { kind: 'removed'; entry: SumEntry }
  | { kind: 'added'; name: string }
  | { kind: 'unreadable'; line: number; text: string }
  | { kind: 'conflict'; line: number }
  | { kind: 'hand-edited' };

/**
 * What changed since the sum was written. Each recorded hash is checked from the recorded
 * hash before it, so an edit is reported on the file that was edited, not on every later one.
 * Files that cannot be read (null source) are another rule's business.
 */
export function compareSum(recorded: RecordedSum, files: { name: string; source: string | null }[]): SumDifference[] {
  // A merge conflict, or a line that cannot be read, makes the rest meaningless.
  const conflict = recorded.unreadable.find(({ text }) => CONFLICT_MARKER.test(text));
  if (conflict) return [{ kind: 'conflict', line: conflict.line }];
  if (recorded.unreadable.length > 0) return recorded.unreadable.map(({ line, text }) => ({ kind: 'unreadable' as const, line, text }));
  const differences: SumDifference[] = recorded.intact ? [] : [{ kind: 'hand-edited' }];
  const current = new Map(files.map((file) => [file.name, file.source]));
  let previous = '';
  for (const entry of recorded.entries) {
    const source = current.get(entry.name);
    if (source === undefined) differences.push({ kind: 'removed', entry });
    else if (source !== null && chainHash(previous, entry.name, source) !== entry.hash) differences.push({ kind: 'edited', name: entry.name, entry });
    previous = entry.hash;
  }
  const recordedNames = new Set(recorded.entries.map((entry) => entry.name));
  for (const file of files) if (!recordedNames.has(file.name)) differences.push({ kind: 'added', name: file.name });
  return differences;
}

const memo = new WeakMap<object, SumDifference[]>();

/** compareSum for a lint run, computed once for the rules that read it. */
export function sumDifferences(recorded: RecordedSum, files: { file: { name: string; source: string | null } }[]): SumDifference[] {
  let differences = memo.get(files);
  if (!differences) {
    differences = compareSum(recorded, files.map(({ file }) => file));
    memo.set(files, differences);
  }
  return differences;
}
