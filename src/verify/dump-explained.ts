/**
 * Which pg_dump differences the catalog comparison explains. A dump difference is explained
 * when the catalog comparison lists a difference (1) on an object the dump entry belongs to and
 * (2) in a catalog section that holds what that kind of entry shows: an ACL entry by a grant, a
 * COMMENT by a comment, a TRIGGER by a trigger, a TABLE, DEFAULT or CONSTRAINT by the table (or
 * a constraint's index), and so on. An object missing on one side explains every entry that
 * belongs to it. Objects are compared as `schema.name` (a table, view, sequence, type, index,
 * function by name), or a bare name outside a schema (a schema, extension, publication, event
 * trigger); a table's constraint, trigger, policy, default or column grant belongs to the table
 * as well as to its own name. A dump difference no catalog difference explains is a blind spot
 * of the catalog comparison.
 */
import type { CatalogDifference } from './catalog.js';
import { OWNER_LINE, type DumpDifference } from './dump-entries.js';

export interface ExplainedDumpDifference extends DumpDifference {
  /** The message of a catalog difference on the same object; null when none explains it. */
  explainedBy: string | null;
}

type Section = CatalogDifference['section'];

/** The catalog sections that hold what a dump entry of each type shows. */
const EXPLAINING_SECTIONS: Record<string, Section[]> = {
  ACL: ['grants'],
  'DEFAULT ACL': ['defaultPrivileges'],
  COMMENT: ['comments'],
  TABLE: ['tables'],
  'FOREIGN TABLE': ['tables'],
  DEFAULT: ['tables'],
  'ROW SECURITY': ['tables'],
  'TABLE ATTACH': ['tables'],
  CONSTRAINT: ['tables', 'indexes'],
  'FK CONSTRAINT': ['tables'],
  'CHECK CONSTRAINT': ['tables', 'types'],
  INDEX: ['indexes'],
  'INDEX ATTACH': ['indexes'],
  SEQUENCE: ['sequences', 'tables'],
  'SEQUENCE OWNED BY': ['sequences'],
  'SEQUENCE SET': ['sequences'],
  FUNCTION: ['functions'],
  PROCEDURE: ['functions'],
  AGGREGATE: ['functions'],
  VIEW: ['views'],
  'MATERIALIZED VIEW': ['views'],
  TYPE: ['types'],
  DOMAIN: ['types'],
  TRIGGER: ['triggers'],
  POLICY: ['policies'],
  RULE: ['rules'],
  SCHEMA: ['schemas'],
  EXTENSION: ['extensions'],
  PUBLICATION: ['publications'],
  'PUBLICATION TABLE': ['publications'],
  'PUBLICATION TABLES IN SCHEMA': ['publications'],
  'EVENT TRIGGER': ['eventTriggers'],
  STATISTICS: ['statistics'],
};

/** Sections whose objects take their indexes, grants, comments, ... with them when missing. */
const OWNING_SECTIONS = new Set<Section>(['tables', 'views', 'sequences', 'functions', 'types', 'schemas', 'extensions', 'publications']);

/**
 * Whether `difference` can explain a dump difference: a section that holds what the entry shows,
 * its whole object missing, or, when only the owner in pg_dump's comment differs, an owner
 * difference (an index's owner is its table's).
 */
function canExplain(difference: CatalogDifference, dump: DumpDifference): boolean {
  const ownerOnly = [...dump.leftLines, ...dump.rightLines].every((line) => line.startsWith(OWNER_LINE));
  if (ownerOnly && dump.kind === 'different' && difference.path.split('.').pop() === 'owner') return true;
  const sections = EXPLAINING_SECTIONS[dump.type];
  if (!sections || sections.includes(difference.section)) return true;
  return difference.path === '' && OWNING_SECTIONS.has(difference.section);
}

/** Words pg_dump puts before the name in the tag of a COMMENT, ACL or DEFAULT ACL entry. */
const TAG_KEYWORDS =
  /^(?:DEFAULT PRIVILEGES FOR \S+|MATERIALIZED VIEW|FOREIGN TABLE|EVENT TRIGGER|TEXT SEARCH \S+|LARGE OBJECT|TABLE|COLUMN|FUNCTION|PROCEDURE|AGGREGATE|SCHEMA|SEQUENCE|TYPE|DOMAIN|VIEW|INDEX|CONSTRAINT|POLICY|TRIGGER|RULE|EXTENSION|STATISTICS|PUBLICATION|COLLATION|CONVERSION|OPERATOR|SERVER|LANGUAGE) /;

const FUNCTION_TYPES = /^(?:FUNCTION|PROCEDURE|AGGREGATE)$/;
const FUNCTION_TAG = /^(?:FUNCTION|PROCEDURE|AGGREGATE) /;

/** `"my table"` → `my table`; pg_dump quotes names in COMMENT and ACL tags. */
function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/** The object names in a name list: `users.email` → users, `f(a integer)` → f, `c ON users` → c, users. */
function baseNames(text: string): string[] {
  const withoutArguments = text.replace(/\(.*\)$/s, '');
  return withoutArguments
    .split(/ ON | /)
    .filter((part) => part !== '')
    .map((part) => unquote(part.split('.')[0]!));
}

/** The objects a dump entry belongs to. */
export function dumpEntrySubjects(entry: { type: string; schema: string; name: string; on: string | null }): Set<string> {
  if (entry.type === 'DEFAULT ACL') return new Set(['default privileges']);
  const tag = entry.name.replace(TAG_KEYWORDS, '');
  const qualify = (name: string) => (entry.schema === '-' ? name : `${entry.schema}.${name}`);
  // A function's tag is `f(a integer, b text)`: its arguments may hold spaces; only the name counts.
  const names = FUNCTION_TYPES.test(entry.type) || FUNCTION_TAG.test(entry.name) ? [unquote(tag.replace(/\(.*$/s, ''))] : baseNames(tag);
  const table = entry.on === null ? [] : [entry.on.split('.').map(unquote).join('.')];
  return new Set([...names.map(qualify), ...table]);
}

/** `public.users.email` → public.users; `public.f(integer)` → public.f; `c on public.t` → public.t. */
function qualifiedBase(object: string): string {
  const target = object.includes(' on ') ? object.slice(object.lastIndexOf(' on ') + 4) : object;
  const parts = target.replace(/\(.*$/s, '').split('.');
  return parts.slice(0, 2).map(unquote).join('.');
}

/**
 * The object in a grant's or comment's key: `SELECT on table column public.t.c to anon` →
 * `public.t.c`; `table constraint t_c on public.t` → `t_c on public.t`. The object type before
 * it is lower-case words; the object is the first part that is qualified (has a dot), else the
 * last word (a schema, an extension).
 */
function objectInKey(key: string, section: 'grants' | 'comments'): string {
  const described = section === 'grants' ? key.replace(/^\S+ on /, '').replace(/ to \S+(?: with grant option)?$/, '') : key;
  const qualified = /^[a-z ]+? ((?:\S+ on )?[^ .]*\..*)$/s.exec(described);
  return qualified ? qualified[1]! : described.slice(described.lastIndexOf(' ') + 1);
}

/** The objects a catalog difference is about. */
export function catalogDifferenceSubjects(difference: CatalogDifference): Set<string> {
  const item = (difference.left ?? difference.right ?? {}) as Record<string, unknown>;
  const whole = difference.path === '';
  switch (difference.section) {
    case 'defaultPrivileges':
      return new Set(['default privileges']);
    case 'grants':
    case 'comments':
      return new Set([qualifiedBase(objectInKey(difference.object, difference.section))]);
    case 'indexes':
    case 'statistics':
      return new Set([difference.object, ...(whole ? [String(item.table)] : [])]);
    case 'triggers':
    case 'policies':
    case 'rules':
    case 'functions':
      return new Set([qualifiedBase(difference.object)]);
    default:
      return new Set([difference.object]);
  }
}

export function explainDumpDifferences(dump: DumpDifference[], catalog: CatalogDifference[]): ExplainedDumpDifference[] {
  const subjects = catalog.map((difference) => ({ difference, subjects: catalogDifferenceSubjects(difference) }));
  return dump.map((difference) => {
    const entrySubjects = [...dumpEntrySubjects(difference)];
    const explanation = subjects.find(
      (candidate) => canExplain(candidate.difference, difference) && entrySubjects.some((subject) => candidate.subjects.has(subject)),
    );
    return { ...difference, explainedBy: explanation?.difference.message ?? null };
  });
}
