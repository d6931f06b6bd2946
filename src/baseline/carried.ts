/**
 * Everything the baseline carries as written rather than from the model, and everything it
 * leaves out, gathered from the model's uninterpreted statements, the history and the files.
 */
import type { HistoryEvent } from '../replay/history.js';
import type { Index, Origin, SchemaModel, Uninterpreted } from '../replay/model.js';
import { isPlatformRelation, isRunnerTable, platformObjects, type Preset } from '../presets.js';
import type { LeftOut } from './header.js';
import { leftOutOfModel } from './left-out.js';
import { afterCalls } from './after-calls.js';
import { compareOrigins } from './origin-order.js';
import { repeatedRevokes } from './revokes.js';
import { closed, type Carried, type Sources } from './sources.js';
import { createFunction } from './routines.js';
import { functionReference } from './sql.js';
import { placementOf } from './verbatim.js';
import { pinnedKind, type Pinned } from './pinned.js';

export interface CarriedStatements {
  beforeTables: Carried[];
  afterTables: Carried[];
  revokes: Carried[];
  /** DO blocks that keep their place in the chain's order among the objects they can touch (pinned.ts). */
  pinned: Pinned[];
  data: Carried[];
  /** Indexes made among the carried calls (after-calls.ts), not in the Indexes section. */
  indexesAfterCalls: Set<Index>;
  sessionCount: number;
  leftOut: LeftOut[];
}

const byOrigin = (a: Carried, b: Carried) => compareOrigins(a.origin, b.origin);

export function gatherCarried(schema: SchemaModel, history: HistoryEvent[], preset: Preset, sources: Sources, includeData: boolean): CarriedStatements {
  const beforeTables: Carried[] = [];
  const afterTables = new Map<string, Carried>();
  const gaps = leftOutOfModel(schema, sources.files);
  const kept = new Set(schema.uninterpreted.map((statement) => originKey(statement.origin)));
  const calls: Uninterpreted[] = [];
  const pinned: Pinned[] = [];
  for (const statement of schema.uninterpreted) {
    // A call that makes partitions (or copies) of a table runs again after every table exists,
    // unless the chain drops that table or the function later: it would fail, or make them on
    // another table.
    if (statement.call) {
      const dropped = statement.call.tables.filter((key) => !schema.tables.has(key));
      if (dropped.length > 0) gaps.push({ origin: statement.origin, what: `${firstLine(statement.text)}: needs ${dropped.join(', ')}, which the chain drops later` });
      else calls.push(withCallTimeFunctions(schema, statement));
      continue;
    }
    // A DO block the model partly replayed is in the model already; running it again would
    // create its objects twice. What it does beyond its static statements is not carried.
    if (statement.kind === 'DoStmt' && statement.note?.startsWith('replayed')) {
      gaps.push({ origin: statement.origin, what: `DO block: ${statement.note}; only its static statements are in the baseline` });
      continue;
    }
    const node = sources.statement(statement.origin)?.node;
    const placement = node ? placementOf(statement, node) : 'after-tables';
    const kind = statement.kind === 'DoStmt' && placement === 'after-tables' ? pinnedKind(statement.text) : null;
    if (kind) pinned.push({ origin: statement.origin, text: statement.text, kind });
    else if (placement === 'before-tables') beforeTables.push(statement);
    else if (placement === 'after-tables') afterTables.set(originKey(statement.origin), statement);
  }
  for (const statement of calls) afterTables.set(originKey(statement.origin), statement);
  // One ALTER TABLE (or ADD COLUMN) can give defaults to several columns: one statement each.
  const later = afterCalls(schema, calls);
  for (const statement of later.statements) afterTables.set(`${originKey(statement.origin)}\u0000${statement.text}`, statement);
  // The model holds no platform objects (auth.users, storage.objects, supabase_realtime) nor the runner's own
  // tables: what the chain does to them is an error there (or a no-op under IF EXISTS), and is carried as written here.
  for (const event of history) {
    if ((event.action !== 'error' && event.action !== 'noop') || event.knownRejection) continue;
    const platformPublication = event.objectType === 'publication' && platformObjects(preset).publications.has(event.name);
    if (!platformPublication && !isPlatformRelation(preset, event.name) && !isRunnerTableKey(event.name)) continue;
    const statement = sources.statement(event.origin);
    if (statement) afterTables.set(originKey(event.origin), { origin: event.origin, text: statement.text });
  }

  const data: Carried[] = [];
  let sessionCount = 0;
  for (const { origin, statement } of sources.all()) {
    const placement = placementOf(statement, statement.node);
    if (placement === 'session') sessionCount++;
    if (placement !== 'data' || kept.has(originKey(origin))) continue;
    const fromStdin = statement.kind === 'CopyStmt' && /\bfrom\s+stdin\b/i.test(statement.text);
    if (includeData && !fromStdin) data.push({ origin, text: statement.text });
    else gaps.push({ origin, what: fromStdin ? 'COPY ... FROM stdin (its rows are not SQL)' : `data: ${firstLine(statement.text)}` });
  }

  const located = (found: { path: string; statement: { index: number; line: number; column: number; text: string } }[]): Carried[] =>
    found.map(({ path, statement }) => ({
      origin: { path, fileOrder: 0, statementIndex: statement.index, line: statement.line, column: statement.column },
      text: statement.text,
    }));

  return {
    beforeTables,
    afterTables: [...afterTables.values()].sort(byOrigin),
    revokes: located(repeatedRevokes(schema, sources.files)),
    pinned: pinned.sort(byOrigin),
    data,
    indexesAfterCalls: later.indexes,
    sessionCount,
    leftOut: gaps.sort((a, b) => compareOrigins(a.origin, b.origin)).map(({ origin, what }) => ({ where: sources.where(origin), what })),
  };
}

/**
 * A call runs with the functions it calls as they were at the call: one the chain drops later is
 * created for it and dropped right after; one the chain changes later (its body, or its
 * arguments: hatchet's create_v1_range_partition gained a fillfactor) is swapped for its earlier
 * definition around the call, the final one dropped first (an overload would make the call
 * ambiguous) and made again after. A function something else depends on (a trigger, a default,
 * a check) is not swapped: the call runs with the final one.
 */
function withCallTimeFunctions(schema: SchemaModel, statement: Uninterpreted): Uninterpreted {
  const nameOf = (key: string) => key.slice(0, key.indexOf('('));
  const earlier = (statement.call?.definitions ?? []).filter(({ key, sql }) => schema.functions.get(key)?.sql !== sql);
  if (earlier.length === 0) return statement;
  const names = new Set(earlier.map(({ key }) => nameOf(key)));
  const replaced = [...schema.functions].filter(([key]) => names.has(nameOf(key)));
  if (replaced.some(([key, fn]) => dependedOn(schema, key, fn.name))) return statement;
  const note = `-- ${earlier.map(({ key }) => key).join(', ')}: as at this call (the chain ${replaced.length > 0 ? 'changes' : 'drops'} it later), for this call only.`;
  const text = [
    note,
    ...replaced.map(([key]) => `DROP FUNCTION ${functionReference(key)};`),
    ...earlier.map(({ sql }) => closed(sql)),
    closed(statement.text),
    ...earlier.map(({ key }) => `DROP FUNCTION ${functionReference(key)};`),
    ...replaced.map(([, fn]) => createFunction(fn)),
  ].join('\n');
  return { ...statement, text: text.replace(/;$/, '') };
}

/** Whether a trigger calls the function, or a default or check names it. */
function dependedOn(schema: SchemaModel, key: string, name: string): boolean {
  const call = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\(`, 'i');
  return [...schema.tables.values()].some(
    (table) =>
      table.triggers.some((trigger) => trigger.function === key) ||
      table.columns.some((column) => call.test(column.default ?? '')) ||
      table.constraints.some((constraint) => call.test(constraint.expression ?? '')),
  );
}

function originKey(origin: Origin): string {
  return `${origin.path}\u0000${origin.statementIndex}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** True for a qualified key (`public.__diesel_schema_migrations`) naming a runner's own table. */
function isRunnerTableKey(key: string): boolean {
  const dot = key.indexOf('.');
  return dot !== -1 && isRunnerTable(key.slice(dot + 1), key.slice(0, dot));
}
