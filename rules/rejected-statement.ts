import type { RangeVar } from 'libpg-query';
import { compareOrigins, nodeOf, originOf } from '../src/ast.js';
import { statementAt } from '../src/history-queries.js';
import type { ParsedFile } from '../src/parse/index.js';
import { isPlatformRelation, isRunnerTable, platformObjects, type Preset } from '../src/presets.js';
import { isLikelyDynamicPartition, referencesOf, relationTimeline, type RelationTimeline } from '../src/relations.js';
import type { HistoryEvent, Origin, SchemaModel } from '../src/replay/index.js';
import type { RolledBack } from '../src/replay/history.js';
import { extensionProviding } from '../src/replay/extension-types.js';
import { missingObject, reasonText } from '../src/replay/reasons.js';
import { at, defineRule, type Report } from '../src/rule.js';

/** Kinds of a missing object that name a relation (a table, view, sequence or index). */
const RELATION_KINDS = new Set(['relation', 'table', 'view', 'materialized view', 'sequence', 'index', 'foreign table']);
/** Kinds of a missing object an extension may provide without the chain creating it. */
const EXTENSION_KINDS = new Set(['function', 'type', '']);

/** Schemas PostgreSQL itself provides, with their objects. */
const BUILTIN_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'pg_toast']);

/** Reasons listed in one finding; the first is the one PostgreSQL stops at. */
const REASONS_SHOWN = 3;

interface MissingObject {
  /** PostgreSQL's word for it: `relation`, `function`, `column`, ...; '' when it names no kind. */
  kind: string;
  /** Dotted name, with the argument types of a function: `public.goals`, `public.f(integer)`. */
  name: string;
}

/** The relation a missing object is or belongs to (a column's table), as a RangeVar. */
function relationOf(missing: MissingObject): RangeVar | null {
  const parts = missing.name.split('.');
  if (missing.kind === 'column') parts.pop();
  else if (!RELATION_KINDS.has(missing.kind)) return null;
  const relname = parts.pop();
  if (!relname) return null;
  return parts.length > 0 ? { relname, schemaname: parts.join('.') } : { relname };
}

/** The qualifier and the bare name: `public.f(integer)` -> `public`, `f`; `t.c` -> `t`, `c`. */
function schemaAndBareName(name: string): { schema: string | null; bare: string } {
  const parts = name.replace(/\(.*$/, '').split('.');
  const bare = parts.pop() ?? '';
  return { schema: parts.length > 0 ? parts[parts.length - 1]! : null, bare };
}

/** True for an object the preset's platform provides, which the replay does not know about. */
function isPlatformObject(preset: Preset, missing: MissingObject): boolean {
  const platform = platformObjects(preset);
  const relation = relationOf(missing);
  if (relation?.schemaname && isPlatformRelation(preset, `${relation.schemaname}.${relation.relname}`)) return true;
  if (missing.kind === 'schema') return platform.schemas.has(missing.name);
  if (missing.kind === 'publication') return platform.publications.has(missing.name);
  if (missing.kind === 'extension') return platform.extensions.has(missing.name);
  const { schema } = schemaAndBareName(missing.name);
  return schema !== null && platform.schemas.has(schema);
}

/**
 * Objects the replay cannot see come into existence, so that it calls them missing when they are
 * not: PostgreSQL's own schemas and functions (`pg_catalog.lo_export`), the runner's own table,
 * partitions made by dynamic SQL, a recursive view's own name, and functions and types that no
 * migration creates once an extension is installed (pgvector's `vector_in`, in a pg_dump's GRANTs).
 */
class Unseen {
  private readonly createdFunctionsAndTypes = new Set<string>();
  private readonly firstExtension: HistoryEvent | undefined;

  constructor(
    history: HistoryEvent[],
    private readonly schema: SchemaModel,
  ) {
    for (const event of history) {
      if (event.action === 'create' && (event.objectType === 'function' || event.objectType === 'type')) this.createdFunctionsAndTypes.add(schemaAndBareName(event.name).bare);
    }
    this.firstExtension = history.find((event) => event.objectType === 'extension' && (event.action === 'create' || event.action === 'noop'));
  }

  explains(missing: MissingObject, event: HistoryEvent): boolean {
    const { schema, bare } = schemaAndBareName(missing.name);
    if (BUILTIN_SCHEMAS.has(missing.kind === 'schema' ? missing.name : (schema ?? ''))) return true;
    const relation = relationOf(missing);
    // A recursive view reads itself (CREATE RECURSIVE VIEW nums ... FROM nums).
    if (relation && event.objectType === 'view' && event.name === `${relation.schemaname}.${relation.relname}`) return true;
    if (relation) return isRunnerTable(relation.relname ?? '', relation.schemaname ?? null) || isLikelyDynamicPartition(this.schema, relation);
    // An extension's own type (citext) is missing for certain until that extension is created.
    if (!EXTENSION_KINDS.has(missing.kind) || this.createdFunctionsAndTypes.has(bare) || extensionProviding(bare) !== undefined) return false;
    return this.firstExtension !== undefined && compareOrigins(this.firstExtension.origin, event.origin) < 0;
  }
}

/**
 * The text of the statements parse-error reports, which the replay never ran: what they create
 * is missing afterwards (pg_regress's `ALTER TABLE test_tsquery ADD COLUMN keyword`, swallowed
 * by the `\copy` data before it), and saying so again would report the parse error twice.
 */
class UnparsedText {
  private readonly spans: { origin: Pick<Origin, 'fileOrder' | 'statementIndex'>; text: string }[] = [];

  constructor(files: ParsedFile[]) {
    for (const parsed of files) {
      const source = parsed.file.source;
      if (!parsed.file.replayed || parsed.problems.length === 0 || source === null) continue;
      for (const problem of parsed.problems) {
        const found = parsed.statements.findIndex((statement) => statement.line > problem.line);
        const next = found === -1 ? parsed.statements.length : found;
        const text = source.slice(parsed.statements[next - 1]?.end ?? 0, parsed.statements[next]?.start ?? source.length);
        this.spans.push({ origin: { fileOrder: parsed.file.order, statementIndex: next }, text });
      }
    }
  }

  /** True when unparsed text that runs before the event names the missing object. */
  mayCreate(missing: MissingObject, event: HistoryEvent): boolean {
    const name = new RegExp(`\\b${escapeRegExp(schemaAndBareName(missing.name).bare)}\\b`, 'i');
    return this.spans.some((span) => compareOrigins(span.origin, event.origin) <= 0 && name.test(span.text));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True for CREATE TEMP TABLE, VIEW or TABLE ... AS: the replay keeps temporary relations in the
 * schema of permanent ones, so that it finds clashes between the two that PostgreSQL (which puts
 * temporary ones in pg_temp) does not.
 */
function createsTemporaryRelation(files: ParsedFile[], event: HistoryEvent): boolean {
  const place = statementAt(files, event.origin);
  if (!place) return false;
  const { statement } = place;
  const relation = nodeOf(statement, 'CreateStmt')?.relation ?? nodeOf(statement, 'ViewStmt')?.view ?? nodeOf(statement, 'CreateTableAsStmt')?.into?.rel;
  return relation?.relpersistence === 't';
}

/** True when `relation` (from a message, maybe unqualified) is the relation `reference` names. */
function sameRelation(relation: RangeVar, reference: RangeVar): boolean {
  if (relation.relname !== reference.relname) return false;
  return !relation.schemaname || !reference.schemaname || relation.schemaname === reference.schemaname;
}

/**
 * True when missing-reference or order-dependency speaks to the missing relation at this
 * statement: it is one the statement refers to, and no migration creates it, or only a later one.
 */
function reportedAsMissingOrLater(relation: RangeVar, event: HistoryEvent, files: ParsedFile[], timeline: RelationTimeline): boolean {
  const place = statementAt(files, event.origin);
  if (!place) return false;
  return referencesOf(place).some((reference) => {
    if (!sameRelation(relation, reference.relation)) return false;
    const created = timeline.creation(reference.relation);
    return !created || compareOrigins(created, originOf(place)) > 0;
  });
}

/**
 * True for a second CREATE TABLE of a table created by another file: duplicate-create-table's
 * (it reports a CREATE TABLE whose previous CREATE TABLE of that name is in another file).
 */
function isDuplicateCreateTable(event: HistoryEvent, lastCreateTable: Map<string, HistoryEvent>): boolean {
  if (event.statementKind !== 'CreateStmt' || event.objectType !== 'table') return false;
  const previous = lastCreateTable.get(event.name);
  return previous !== undefined && previous.origin.path !== event.origin.path;
}

/** What the runner's transaction did to the rest of the file. */
function rollbackNote({ undone, notRun }: RolledBack): string {
  const parts = [undone > 0 ? `${plural(undone, 'statement')} before it rolled back` : '', notRun > 0 ? `${plural(notRun, 'statement')} after it not run` : ''].filter(Boolean);
  return ` The runner applies this file in one transaction, so nothing in it applies${parts.length ? ` (${parts.join(', ')})` : ''}: the files after it see the database as it was before this file.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export default defineRule({
  id: 'rejected-statement',
  category: 'history',
  severity: 'error',
  description: 'A statement PostgreSQL rejects at its place in the chain, for a reason no other rule reports: a policy or trigger that already exists, an index or comment on a column that does not exist, a trigger whose function is created later.',
  docs: {
    why: 'Run on a fresh database (CI, a new developer, a preview branch), the migration stops at this statement. It passed once only because the database it first ran on was different: the object was made by hand, by a file since changed, or a CREATE ... IF NOT EXISTS was skipped because an older definition was already there.',
    fix: 'Make the statement match the chain before it: DROP POLICY IF EXISTS before CREATE POLICY, create the function before the trigger that calls it, add the column with ALTER TABLE ... ADD COLUMN instead of relying on a CREATE TABLE IF NOT EXISTS that is skipped.',
    bad: '-- 001_profiles.sql\nCREATE TABLE profiles (id uuid PRIMARY KEY);\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);\n-- 002_fix_policies.sql\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);',
    good: '-- 001_profiles.sql\nCREATE TABLE profiles (id uuid PRIMARY KEY);\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);\n-- 002_fix_policies.sql\nDROP POLICY IF EXISTS "read own" ON profiles;\nCREATE POLICY "read own" ON profiles FOR SELECT USING (true);',
  },
  check({ files, history, schema, preset }) {
    const timeline = relationTimeline(files, history);
    const unseen = new Unseen(history, schema);
    const unparsed = new UnparsedText(files);
    const lastCreateTable = new Map<string, HistoryEvent>();
    const temporaryRelations = new Set<string>();
    /** True when another rule reports what the event says, or a blind spot of the replay explains it. */
    const explained = (event: HistoryEvent): boolean => {
      if (isDuplicateCreateTable(event, lastCreateTable) || createsTemporaryRelation(files, event) || temporaryRelations.has(event.name)) return true;
      const missing = event.action === 'error' ? missingObject(event.reason) : null;
      if (!missing) return false;
      if (isPlatformObject(preset, missing) || unseen.explains(missing, event) || unparsed.mayCreate(missing, event)) return true;
      const relation = relationOf(missing);
      return relation !== null && reportedAsMissingOrLater(relation, event, files, timeline);
    };
    const reasonsByStatement = new Map<string, { event: HistoryEvent; reasons: string[] }>();
    for (const event of history) {
      if (event.action === 'create' && event.objectType === 'table' && event.statementKind === 'CreateStmt') lastCreateTable.set(event.name, event);
      if (event.action === 'create' && (event.objectType === 'table' || event.objectType === 'view') && createsTemporaryRelation(files, event)) temporaryRelations.add(event.name);
      // A rejection that undid its whole file is reported even when another rule names its cause: that rule does not say the file was undone.
      if (event.action !== 'error' || (!event.rolledBack && explained(event))) continue;
      const key = `${event.origin.fileOrder}:${event.origin.statementIndex}`;
      const statement = reasonsByStatement.get(key) ?? { event, reasons: [] };
      const reason = reasonText(event.reason);
      if (!statement.reasons.includes(reason)) statement.reasons.push(reason);
      reasonsByStatement.set(key, statement);
    }
    return [...reasonsByStatement.values()].map(({ event, reasons }): Report => {
      const shown = reasons.slice(0, REASONS_SHOWN).join('; ');
      const more = reasons.length > REASONS_SHOWN ? `; and ${reasons.length - REASONS_SHOWN} more` : '';
      return { ...at(event.origin), message: `PostgreSQL rejects this statement here: ${shown}${more}.${event.rolledBack ? rollbackNote(event.rolledBack) : ''}` };
    });
  },
});
