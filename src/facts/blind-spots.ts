/**
 * Rejections the replay reports where PostgreSQL would not reject: objects it cannot see come
 * into existence (PostgreSQL's own schemas, the platform's, an extension's functions, partitions
 * made by dynamic SQL, text a parse error swallowed), and temporary relations it keeps next to
 * permanent ones. A rejection it explains is the replay's blind spot, not the migration's fault.
 */
import type { RangeVar } from 'libpg-query';
import { compareOrigins, nodeOf } from '../ast.js';
import { statementAt } from './history-queries.js';
import type { ParsedFile } from '../parse/index.js';
import { isPlatformRelation, isRunnerTable, platformObjects, type Preset } from '../presets.js';
import { isLikelyDynamicPartition } from './relations.js';
import { extensionProviding } from '../replay/extension-types.js';
import type { HistoryEvent, Origin, SchemaModel } from '../replay/index.js';
import { missingObject } from '../replay/reasons.js';
import { RELATION_KINDS } from './relation-kinds.js';

/** Kinds of a missing object an extension may provide without the chain creating it. */
const EXTENSION_KINDS = new Set(['function', 'type', '']);

/** Schemas PostgreSQL itself provides, with their objects. */
const BUILTIN_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'pg_toast']);

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
  else if (!RELATION_KINDS.includes(missing.kind)) return null;
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

export class BlindSpots {
  private readonly unseen: Unseen;
  private readonly unparsed: UnparsedText;
  /** Where each temporary relation was first created. */
  private readonly temporaryRelations = new Map<string, Origin>();

  constructor(
    private readonly files: ParsedFile[],
    history: HistoryEvent[],
    schema: SchemaModel,
    private readonly preset: Preset,
  ) {
    this.unseen = new Unseen(history, schema);
    this.unparsed = new UnparsedText(files);
    for (const event of history) {
      if (event.action !== 'create' || (event.objectType !== 'table' && event.objectType !== 'view') || this.temporaryRelations.has(event.name)) continue;
      if (createsTemporaryRelation(files, event)) this.temporaryRelations.set(event.name, event.origin);
    }
  }

  /** True when the replay rejects the statement where PostgreSQL, which sees more, would not. */
  explains(rejection: HistoryEvent): boolean {
    const temporary = this.temporaryRelations.get(rejection.name);
    if ((temporary && compareOrigins(temporary, rejection.origin) <= 0) || createsTemporaryRelation(this.files, rejection)) return true;
    const missing = rejection.action === 'error' ? missingObject(rejection.reason) : null;
    if (!missing) return false;
    return isPlatformObject(this.preset, missing) || this.unseen.explains(missing, rejection) || this.unparsed.mayCreate(missing, rejection);
  }
}
