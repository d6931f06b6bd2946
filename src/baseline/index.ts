/**
 * The consolidated baseline: the replayed model written back as SQL, in an order PostgreSQL
 * can apply in one pass. Pure and deterministic: the same folder gives the same bytes,
 * whatever the working directory.
 */
import type { ParsedFile } from '../parse/index.js';
import { isPlatformRelation, type Preset } from '../presets.js';
import type { HistoryEvent } from '../replay/history.js';
import type { SchemaModel, Table } from '../replay/model.js';
import { gatherCarried } from './carried.js';
import { commentStatements } from './comments.js';
import { splitFunctions } from './function-order.js';
import { header } from './header.js';
import { createIndex, standaloneIndexes } from './indexes.js';
import { createExtensions, createPublication, createSchemas, createSequence, createTypes, ownSequence } from './objects.js';
import { persistentSchema } from './persistent.js';
import { byOrigin } from './origin-order.js';
import { defaultPrivilegeStatements, grantStatements, ownerStatements } from './privileges.js';
import { createFunction } from './routines.js';
import { serialSequences } from './sequences.js';
import { statisticsStatements } from './statistics.js';
import { carriedBlock, Sources } from './sources.js';
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
  const security = tables.flatMap((table) => joined([...rowLevelSecurity(table), ...table.policies.map((policy) => createPolicy(table, policy))]));

  const parts = [
    header(files, carried.leftOut, carried.sessionCount, options.includeData),
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
      plan.deferred.map(({ table, constraint }) => addConstraint(table, constraint)).filter((text): text is string => text !== null),
    ),
    section(
      'Foreign keys to tables the migrations never create (PostgreSQL rejects them unless the table exists)',
      plan.toUnknownTables.map(({ table, constraint }) => addConstraint(table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Sequence ownership', joined(sequences.map(ownSequence).filter((text): text is string => text !== null))),
    section('Indexes', standaloneIndexes(schema, tables.map(keyOf)).filter((index) => !carried.indexesAfterCalls.has(index)).map((index) => createIndex(index, schema))),
    section('Extended statistics', joined(statisticsStatements(schema, new Set(tables.map(keyOf))))),
    section(
      'Foreign keys to columns that a unique index (not a constraint) makes unique',
      plan.afterIndexes.map(({ table, constraint }) => addConstraint(table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Functions and procedures', otherFunctions.map(createFunction)),
    section('Views and materialized views, each after the views it reads', orderViews(schema).map((view) => createView(view, input.history))),
    section(
      'Indexes on materialized views',
      standaloneIndexes(schema, orderViews(schema).filter((view) => view.materialized).map((view) => `${view.schema}.${view.name}`)).map((index) => createIndex(index, schema)),
    ),
    section('Triggers', [
      ...tables.flatMap((table) => table.triggers.map((trigger) => createTrigger(table, trigger))),
      ...orderViews(schema).flatMap((view) => view.triggers.map((trigger) => createTrigger(view, trigger))),
    ]),
    section('Row level security and policies', security),
    section('Carried as written: statements on platform objects, and statements the model does not interpret', asWritten(carried.afterTables)),
    section('Publications', [...schema.publications.values()].sort(byOrigin).map(createPublication)),
    section('Owners', joined(ownerStatements(schema))),
    section('Grants and revokes', joined(grantStatements(schema, input.preset))),
    section('Revokes on types, repeated as written (the model does not hold what a type grants by default)', asWritten(carried.revokes)),
    section('Default privileges for objects created later', joined(defaultPrivilegeStatements(schema, input.preset))),
    section('Comments', joined(commentStatements(schema))),
    section('Data, in the order the migrations ran it', asWritten(carried.data)),
  ];
  return `${parts.filter((part): part is string => part !== null).join('\n\n')}\n`;
}
