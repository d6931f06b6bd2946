/**
 * The consolidated baseline: the replayed model written back as SQL, in an order PostgreSQL
 * can apply in one pass. Pure and deterministic: the same folder gives the same bytes,
 * whatever the working directory.
 */
import type { ParsedFile } from '../parse/index.js';
import { isPlatformRelation, type Preset } from '../presets.js';
import type { HistoryEvent } from '../replay/history.js';
import type { Origin, Policy, SchemaModel, Table } from '../replay/model.js';
import { gatherCarried } from './carried.js';
import { commentStatements } from './comments.js';
import { splitFunctions } from './function-order.js';
import { header, type LeftOut } from './header.js';
import { createIndex, standaloneIndexes } from './indexes.js';
import { createExtensions, createPublication, createSchemas, createSequence, createTypes, ownSequence } from './objects.js';
import { persistentSchema } from './persistent.js';
import { byOrigin } from './origin-order.js';
import { aroundPinned, latest, type Pinned, type PinnedKind } from './pinned.js';
import { defaultPrivilegeStatements, ownerStatements, privilegeObjects, privilegeStatements, type ObjectPrivileges } from './privileges.js';
import { withSchemaWideStatements } from './schema-wide.js';
import { createFunction } from './routines.js';
import { serialSequences } from './sequences.js';
import { statisticsStatements } from './statistics.js';
import { carriedBlock, closed, Sources } from './sources.js';
import { compareOrigins } from './origin-order.js';
import { qualified } from './sql.js';
import { addConstraint, createTable } from './table-ddl.js';
import { createPolicy, createTrigger, rowLevelSecurity } from './table-objects.js';
import { byCreation, isDeferred, keyOf, planTables, type TablePlan } from './table-order.js';
import { createView, orderViews } from './views.js';

export { BASELINE_MARKER, isMiglintBaseline } from './header.js';

export interface BaselineInput {
  schema: SchemaModel;
  files: ParsedFile[];
  history: HistoryEvent[];
  /** The platform the folder runs on: statements on its objects are carried as written. */
  preset: Preset;
}

export interface BaselineOptions {
  includeData: boolean;
}

function section(title: string, blocks: string[]): string | null {
  if (blocks.length === 0) return null;
  const rule = `-- ${'-'.repeat(76)}`;
  return [rule, `-- ${title}`, rule, '', blocks.join('\n\n')].join('\n');
}

/** Short statements of one kind read best as one block. */
function joined(statements: string[]): string[] {
  return statements.length > 0 ? [statements.join('\n')] : [];
}

function provenance(table: Table, sources: Sources): string {
  const altered = [...new Set(table.changes.map((change) => sources.where(change.origin).replace(/:\d+$/, '')))];
  const created = sources.where(table.created);
  return `-- ${qualified(table.schema, table.name)}: created at ${created}${altered.length > 0 ? `; altered in ${altered.join(', ')}` : ''}`;
}

function tableSections(schema: SchemaModel, plan: TablePlan, sources: Sources): (string | null)[] {
  return plan.phases.map((phase, index) =>
    section(
      index === 0 ? 'Tables, phase 1: tables that reference no other table' : `Tables, phase ${index + 1}: tables that reference only tables of earlier phases`,
      [...phase].sort(byCreation).map((table) => {
        const inline = table.constraints.filter((constraint) => !isDeferred(plan, table, constraint));
        return `${provenance(table, sources)}\n${createTable(schema, table, inline)}`;
      }),
    ),
  );
}

/** Before every statement of the chain: where what exists before the first migration stands. */
const START: Origin = { path: '', fileOrder: Number.MIN_SAFE_INTEGER, statementIndex: 0, line: 0, column: 0 };

const PINNED_AMONG: Record<PinnedKind, string> = { functions: 'functions', policies: 'policies', privileges: 'grants and revokes' };

function pinnedBlock(sources: Sources, statement: Pinned): string {
  return `-- ${sources.where(statement.origin)}: kept here, in the chain's order among the ${PINNED_AMONG[statement.kind]}: what it does depends on the catalog when it runs.\n${closed(statement.text)}`;
}

/** The policies, with each table's RLS first; around the DO blocks pinned among them. */
function policySections(tables: Table[], pinned: Pinned[], sources: Sources): string[] {
  const items = tables.flatMap((table) => table.policies.map((policy) => ({ table, policy })));
  const definedAt = (policy: Policy) => latest([policy.created, ...policy.changes.map((change) => change.origin)]);
  return aroundPinned(items, pinned, (item) => definedAt(item.policy)).flatMap(({ items: segment, after }) => [
    ...(after ? [pinnedBlock(sources, after)] : []),
    ...tables.flatMap((table) =>
      joined([...(after ? [] : rowLevelSecurity(table)), ...segment.filter((item) => item.table === table).map((item) => createPolicy(table, item.policy))]),
    ),
  ]);
}

/**
 * Each object's grants and revokes, after the DO blocks pinned among them that ran before the
 * object's last GRANT or REVOKE in the chain. An object created after such a block is reset
 * first: in the baseline the block ran on it, in the chain it did not.
 */
function grantSections(objects: ObjectPrivileges[], history: HistoryEvent[], pinned: Pinned[], sources: Sources): string[] {
  const changed = new Map<string, Origin>();
  for (const event of history) if (event.objectType === 'grant') changed.set(event.name, event.origin);
  const at = (item: ObjectPrivileges) => latest([item.created ?? START, changed.get(item.object) ?? START]);
  return aroundPinned(objects, pinned, at).flatMap(({ items, after }) => [
    ...(after ? [pinnedBlock(sources, after)] : []),
    ...joined(items.flatMap((item) => privilegeStatements(item, after !== null && item.created !== null && compareOrigins(after.origin, item.created) < 0))),
  ]);
}

export function emitBaseline(input: BaselineInput, options: BaselineOptions): string {
  const schema = persistentSchema(input.schema);
  const files = input.files.filter((parsed) => parsed.file.replayed);
  const sources = new Sources(files);
  const carried = gatherCarried(schema, input.history, input.preset, sources, options.includeData);
  const asWritten = (statements: typeof carried.data) => statements.map((statement) => carriedBlock(sources, statement));

  const plan = planTables(schema, (key) => isPlatformRelation(input.preset, key));
  const tables = plan.phases.flat();
  const serial = serialSequences(schema);
  const sequences = [...schema.sequences.values()].filter((sequence) => !serial.has(sequence)).sort(byOrigin);
  const [functionsTablesUse, otherFunctions] = splitFunctions(schema);
  const pinnedAmong = (kind: PinnedKind) => carried.pinned.filter((statement) => statement.kind === kind);
  const functionDefinedAt = (fn: (typeof otherFunctions)[number]) => latest([fn.created, ...fn.changes.map((change) => change.origin)]);
  const functionBlocks = aroundPinned(otherFunctions, pinnedAmong('functions'), functionDefinedAt).flatMap(({ items, after }) => [
    ...(after ? [pinnedBlock(sources, after)] : []),
    ...items.map(createFunction),
  ]);

  const parts = [
    header(
      files,
      carried.leftOut,
      carried.sessionCount,
      options.includeData,
      carried.pinned.map((statement) => ({ where: sources.where(statement.origin), what: `DO block, among the ${PINNED_AMONG[statement.kind]}` })),
      settingsTakenAsUnset(schema, sources),
    ),
    section('Settings: function bodies are checked when they run, not when they are created (as pg_dump does)', ['SET check_function_bodies = false;']),
    section('Schemas', createSchemas(schema)),
    section('Extensions', createExtensions(schema)),
    section('Types', createTypes(schema)),
    section('Sequences', sequences.map(createSequence)),
    section('Carried as written: statements the model does not interpret, needed before the tables', asWritten(carried.beforeTables)),
    section('Functions that column defaults, checks and indexes call', functionsTablesUse.map(createFunction)),
    ...tableSections(schema, plan, sources),
    section(
      'Foreign keys that close a cycle between tables, added once every table exists',
      plan.deferred.map(({ table, constraint }) => addConstraint(schema, table, constraint)).filter((text): text is string => text !== null),
    ),
    section(
      'Foreign keys to tables the migrations never create (PostgreSQL rejects them unless the table exists)',
      plan.toUnknownTables.map(({ table, constraint }) => addConstraint(schema, table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Sequence ownership', joined(sequences.map(ownSequence).filter((text): text is string => text !== null))),
    section('Indexes', standaloneIndexes(schema, tables.map(keyOf)).filter((index) => !carried.indexesAfterCalls.has(index)).map((index) => createIndex(index, schema))),
    section('Extended statistics', joined(statisticsStatements(schema, new Set(tables.map(keyOf))))),
    section(
      'Foreign keys to columns that a unique index (not a constraint) makes unique',
      plan.afterIndexes.map(({ table, constraint }) => addConstraint(schema, table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Functions and procedures', functionBlocks),
    section('Views and materialized views, each after the views it reads', orderViews(schema).map((view) => createView(view, input.history))),
    section(
      'Indexes on materialized views',
      standaloneIndexes(schema, orderViews(schema).filter((view) => view.materialized).map((view) => `${view.schema}.${view.name}`)).map((index) => createIndex(index, schema)),
    ),
    section('Triggers', [
      ...tables.flatMap((table) => table.triggers.map((trigger) => createTrigger(table, trigger))),
      ...orderViews(schema).flatMap((view) => view.triggers.map((trigger) => createTrigger(view, trigger))),
    ]),
    section('Row level security and policies', policySections(tables, pinnedAmong('policies'), sources)),
    section('Carried as written: statements on platform objects, and statements the model does not interpret', asWritten(carried.afterTables)),
    section('Publications', [...schema.publications.values()].sort(byOrigin).map(createPublication)),
    section('Owners', joined(ownerStatements(schema))),
    section('Grants and revokes', grantSections(withSchemaWideStatements(privilegeObjects(schema, input.preset), schema, carried.afterTables, sources), input.history, pinnedAmong('privileges'), sources)),
    section('Revokes on types, repeated as written (the model does not hold what a type grants by default)', asWritten(carried.revokes)),
    section('Default privileges for objects created later', joined(defaultPrivilegeStatements(schema, input.preset))),
    section('Comments', joined(commentStatements(schema))),
    section('Data, in the order the migrations ran it', asWritten(carried.data)),
  ];
  return `${parts.filter((part): part is string => part !== null).join('\n\n')}\n`;
}

/** Each setting once, at the first place a DO block read it: `storage.role  0002_x.sql:9 and 3 more places`. */
function settingsTakenAsUnset(schema: SchemaModel, sources: Sources): LeftOut[] {
  const places = new Map<string, string[]>();
  for (const setting of schema.settingsTakenAsUnset) {
    const where = sources.where(setting.origin);
    const seen = places.get(setting.name) ?? [];
    if (!seen.includes(where)) seen.push(where);
    places.set(setting.name, seen);
  }
  return [...places].map(([name, [first, ...more]]) => ({ where: name, what: `${first}${more.length > 0 ? ` and ${more.length} more place${more.length === 1 ? '' : 's'}` : ''}` }));
}
