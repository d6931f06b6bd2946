/**
 * A `pg_dump --schema-only` text cut into its entries (one per object: the `-- Name: ...; Type:
 * ...; Schema: ...; Owner: ...` comment and the SQL under it), normalized so that two dumps of
 * databases that hold the same objects compare equal, and compared as multisets of entries.
 *
 * What legitimately differs between two dumps of equal databases, and how it is normalized:
 * - The order of entries: pg_dump sorts by object type and name, but breaks ties and orders
 *   dependencies by OID, which follows creation order. Entries are compared as a multiset.
 * - The text before the first entry (version comment, `SET` lines) and the closing comment:
 *   the same session settings on both sides, left out.
 * - `\restrict` / `\unrestrict` lines: pg_dump writes a random key in them.
 * - `SET default_tablespace` / `SET default_table_access_method`: written only when the setting
 *   changes from the previous entry's, so which entry carries them depends on the order. Each
 *   table or materialized view gets the settings in effect where it is created instead.
 * - PGlite (0.5.17 and later) stamps every column with its own `pg_attver` attribute option,
 *   which differs from database to database; pg_dump writes it as `ALTER COLUMN c SET
 *   (pg_attver=...)`. It is not an option users set: it is left out (the catalog comparison
 *   leaves it out too).
 * - The lines of a privileges (ACL) entry: pg_dump writes one GRANT per item of the object's
 *   ACL array, in the order the grants were made. They are sorted.
 */

export interface DumpEntry {
  /** `TABLE`, `CONSTRAINT`, `ACL`, ... as pg_dump's comment says. */
  type: string;
  /** `-` for objects outside a schema. */
  schema: string;
  /** pg_dump's tag: `users`, `users users_pkey`, `COLUMN users.email`, `f(a integer)`. */
  name: string;
  owner: string;
  /**
   * `schema.table` an INDEX entry's CREATE INDEX is on, or an identity's SEQUENCE entry's ALTER
   * TABLE names: their tags name only the index or the sequence. Null for other entries.
   */
  on: string | null;
  /** The normalized SQL lines of the entry. */
  lines: string[];
}

export interface DumpDifference {
  type: string;
  schema: string;
  name: string;
  on: string | null;
  kind: 'only-left' | 'only-right' | 'different';
  /** Lines of the left entry that the right one lacks (all of them for only-left). */
  leftLines: string[];
  /** Lines of the right entry that the left one lacks. */
  rightLines: string[];
}

/** How a difference in the owner pg_dump's comment names is shown among the differing lines. */
export const OWNER_LINE = '-- Owner: ';

const HEADER = /^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*); Owner: (.*)$/;
const PLACED_SETTING = /^SET (default_tablespace|default_table_access_method) = (.*);$/;
const RESTRICT = /^\\(?:un)?restrict\b/;
const COLUMN_OPTIONS = /^(ALTER TABLE ONLY .+ ALTER COLUMN .+ SET \()(.*)(\);)$/;
const PGLITE_STAMP = /^pg_attver=/;
const TABLE_NAMED = [/^CREATE (?:UNIQUE )?INDEX \S+ ON (?:ONLY )?(\S+) /, /^ALTER TABLE (?:ONLY )?(\S+) ALTER COLUMN \S+ ADD GENERATED /];
const SORTED_TYPES = new Set(['ACL', 'DEFAULT ACL']);
const CREATED_IN_PLACE = new Set(['TABLE', 'MATERIALIZED VIEW']);

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** The entries of a `pg_dump --schema-only` text, normalized (see the top of this file). */
export function dumpEntries(text: string): DumpEntry[] {
  const lines = text.split('\n');
  const entries: DumpEntry[] = [];
  const settings = new Map<string, string>();
  let current: DumpEntry | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const header = lines[index - 1] === '--' && lines[index + 1] === '--' ? HEADER.exec(line) : null;
    if (header) {
      // The `--` line above the header already went into the previous entry; it is trimmed below.
      current = { type: header[2]!, schema: header[3]!, name: header[1]!, owner: header[4]!, on: null, lines: [] };
      entries.push(current);
      index++;
      continue;
    }
    if (line === '-- PostgreSQL database dump complete') break;
    if (RESTRICT.test(line)) continue;
    const setting = PLACED_SETTING.exec(line);
    if (setting) {
      settings.set(setting[1]!, setting[2]!);
      continue;
    }
    if (!current) continue;
    const options = COLUMN_OPTIONS.exec(line);
    if (options) {
      const kept = options[2]!.split(', ').filter((option) => !PGLITE_STAMP.test(option));
      if (kept.length > 0) current.lines.push(`${options[1]}${kept.join(', ')}${options[3]}`);
      continue;
    }
    if (current.lines.length === 0 && CREATED_IN_PLACE.has(current.type)) {
      current.lines.push(...[...settings].sort().map(([name, value]) => `SET ${name} = ${value};`));
    }
    current.lines.push(line);
  }
  return entries.map((entry) => {
    const body = trimBlankLines(entry.lines.filter((line, position, all) => !(line === '--' && position === all.length - 1)));
    const on = body.flatMap((line) => TABLE_NAMED.map((pattern) => pattern.exec(line)?.[1]).filter((table) => table !== undefined))[0] ?? null;
    return { ...entry, on, lines: SORTED_TYPES.has(entry.type) ? [...body].sort() : body };
  });
}

function keyOf(entry: { type: string; schema: string; name: string }): string {
  return `${entry.type}\u0000${entry.schema}\u0000${entry.name}`;
}

/** Lines of `lines` not matched one for one in `other`. */
function linesMissingFrom(lines: string[], other: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const line of other) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  return lines.filter((line) => {
    const count = remaining.get(line) ?? 0;
    if (count === 0) return true;
    remaining.set(line, count - 1);
    return false;
  });
}

function groupByKey(entries: DumpEntry[]): Map<string, DumpEntry[]> {
  const groups = new Map<string, DumpEntry[]>();
  for (const entry of entries) {
    const group = groups.get(keyOf(entry));
    if (group) group.push(entry);
    else groups.set(keyOf(entry), [entry]);
  }
  return groups;
}

/**
 * Entries in one dump and not the other, and entries of the same object whose text differs,
 * in the left dump's order, then the right's.
 */
export function diffDumps(left: DumpEntry[], right: DumpEntry[]): DumpDifference[] {
  const leftGroups = groupByKey(left);
  const rightGroups = groupByKey(right);
  const differences: DumpDifference[] = [];
  const text = (entry: DumpEntry) => `${entry.owner}\n${entry.lines.join('\n')}`;
  const compare = (key: string) => {
    const leftEntries = [...(leftGroups.get(key) ?? [])];
    const rightEntries = [...(rightGroups.get(key) ?? [])];
    for (const entry of [...leftEntries]) {
      const twin = rightEntries.findIndex((other) => text(other) === text(entry));
      if (twin === -1) continue;
      rightEntries.splice(twin, 1);
      leftEntries.splice(leftEntries.indexOf(entry), 1);
    }
    const first = leftEntries[0] ?? rightEntries[0];
    if (!first) return;
    const { type, schema, name, on } = first;
    if (leftEntries.length === 1 && rightEntries.length === 1) {
      const [one, other] = [leftEntries[0]!, rightEntries[0]!];
      const ownerLines = (entry: DumpEntry, than: DumpEntry) => (entry.owner === than.owner ? [] : [`${OWNER_LINE}${entry.owner}`]);
      differences.push({
        type,
        schema,
        name,
        on,
        kind: 'different',
        leftLines: [...ownerLines(one, other), ...linesMissingFrom(one.lines, other.lines)],
        rightLines: [...ownerLines(other, one), ...linesMissingFrom(other.lines, one.lines)],
      });
      return;
    }
    for (const entry of leftEntries) differences.push({ type, schema, name, on, kind: 'only-left', leftLines: entry.lines, rightLines: [] });
    for (const entry of rightEntries) differences.push({ type, schema, name, on, kind: 'only-right', leftLines: [], rightLines: entry.lines });
  };
  for (const key of new Set([...leftGroups.keys(), ...rightGroups.keys()])) compare(key);
  return differences;
}
