/**
 * The consolidated baseline: the replayed model written back as SQL, in an order PostgreSQL
 * can apply in one pass. Pure and deterministic: the same folder gives the same bytes,
 * whatever the working directory.
 */
import type { ParsedFile, Statement } from '../parse/index.js';
import type { HistoryEvent } from '../replay/history.js';
import type { Origin, SchemaModel, Table } from '../replay/model.js';
import { isPlatformRelation, type Preset } from '../presets.js';
import { header, type LeftOut } from './header.js';
import { commentStatements } from './comments.js';
import { createIndex, standaloneIndexes } from './indexes.js';
import { leftOutOfModel } from './left-out.js';
import { createExtensions, createPublication, createSchemas, createSequence, createTypes, ownSequence } from './objects.js';
import { byOrigin, compareOrigins } from './origin-order.js';
import { defaultPrivilegeStatements, grantStatements, ownerStatements } from './privileges.js';
import { createFunction } from './routines.js';
import { serialSequences } from './sequences.js';
import { qualified } from './sql.js';
import { createPolicy, createTrigger, rowLevelSecurity } from './table-objects.js';
import { addConstraint, createTable } from './table-ddl.js';
import { byCreation, isDeferred, keyOf, planTables } from './table-order.js';
import { splitFunctions } from './function-order.js';
import { repeatedRevokes } from './revokes.js';
import { placementOf, type Placement } from './verbatim.js';
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

/** Statements of the replayed files, looked up by where they stand. */
class Sources {
  private readonly names = new Map<string, string>();
  private readonly statements = new Map<string, Statement>();

  constructor(readonly files: ParsedFile[]) {
    for (const parsed of files) {
      this.names.set(parsed.file.path, parsed.file.name);
      for (const statement of parsed.statements) this.statements.set(`${parsed.file.path}\u0000${statement.index}`, statement);
    }
  }

  where(origin: Origin): string {
    return `${this.names.get(origin.path) ?? origin.path}:${origin.line}`;
  }

  statement(origin: Origin): Statement | undefined {
    return this.statements.get(`${origin.path}\u0000${origin.statementIndex}`);
  }
}

function section(title: string, blocks: string[]): string | null {
  if (blocks.length === 0) return null;
  const rule = `-- ${'-'.repeat(76)}`;
  return [rule, `-- ${title}`, rule, '', blocks.join('\n\n')].join('\n');
}

/** The original text, closed with a semicolon (on its own line after a trailing comment). */
function closed(text: string): string {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  return lastLine.includes('--') ? `${text}\n;` : `${text};`;
}

function provenance(table: Table, sources: Sources): string {
  const altered = [...new Set(table.changes.map((change) => sources.where(change.origin).replace(/:\d+$/, '')))];
  const created = sources.where(table.created);
  return `-- ${qualified(table.schema, table.name)}: created at ${created}${altered.length > 0 ? `; altered in ${altered.join(', ')}` : ''}`;
}

export function emitBaseline(input: BaselineInput, options: BaselineOptions): string {
  const { schema } = input;
  const files = input.files.filter((parsed) => parsed.file.replayed);
  const sources = new Sources(files);
  const verbatimBlock = (statement: { origin: Origin; text: string }) => `-- ${sources.where(statement.origin)}\n${closed(statement.text)}`;

  const verbatim: Record<Placement, { origin: Origin; text: string }[]> = { 'before-tables': [], 'after-tables': [], session: [], data: [] };
  for (const statement of schema.uninterpreted) {
    const node = sources.statement(statement.origin)?.node;
    const placement = node ? placementOf(statement, node) : 'after-tables';
    if (placement !== 'data') verbatim[placement].push(statement);
  }
  // The model holds no platform objects (auth.users, storage.objects): what the chain does to
  // them is an error there, and is carried as written here.
  const platformStatements = new Map<string, { origin: Origin; text: string }>();
  for (const event of input.history) {
    if (event.action !== 'error' || !isPlatformRelation(input.preset, event.name)) continue;
    const statement = sources.statement(event.origin);
    if (statement) platformStatements.set(`${event.origin.path}\u0000${event.origin.statementIndex}`, { origin: event.origin, text: statement.text });
  }
  verbatim['after-tables'] = [...verbatim['after-tables'], ...platformStatements.values()].sort((a, b) => compareOrigins(a.origin, b.origin));
  const revokes = repeatedRevokes(schema, files).map(({ path, statement }) =>
    verbatimBlock({ origin: { path, fileOrder: 0, statementIndex: statement.index, line: statement.line, column: statement.column }, text: statement.text }),
  );

  let sessionCount = 0;
  const data: { origin: Origin; statement: Statement }[] = [];
  for (const parsed of files) {
    for (const statement of parsed.statements) {
      const placement = placementOf(statement, statement.node);
      const origin = { path: parsed.file.path, fileOrder: parsed.file.order, statementIndex: statement.index, line: statement.line, column: statement.column };
      if (placement === 'session') sessionCount++;
      if (placement === 'data') data.push({ origin, statement });
    }
  }

  const gaps = leftOutOfModel(schema, files);
  const carriedData: string[] = [];
  for (const { origin, statement } of data) {
    const fromStdin = statement.kind === 'CopyStmt' && /\bfrom\s+stdin\b/i.test(statement.text);
    if (!options.includeData || fromStdin) {
      gaps.push({ origin, what: fromStdin ? 'COPY ... FROM stdin (its rows are not SQL)' : `data: ${firstLine(statement.text)}` });
    } else carriedData.push(`-- ${sources.where(origin)}\n${closed(statement.text)}`);
  }
  const leftOut: LeftOut[] = gaps
    .sort((a, b) => a.origin.fileOrder - b.origin.fileOrder || a.origin.statementIndex - b.origin.statementIndex || a.origin.line - b.origin.line)
    .map(({ origin, what }) => ({ where: sources.where(origin), what }));

  const plan = planTables(schema);
  const tables = plan.phases.flat();
  const tableOrder = tables.map(keyOf);
  const serial = serialSequences(schema);
  const sequences = [...schema.sequences.values()].filter((sequence) => !serial.has(sequence)).sort(byOrigin);
  const [functionsTablesUse, otherFunctions] = splitFunctions(schema);

  const tableSections = plan.phases.map((phase, index) =>
    section(
      index === 0 ? 'Tables, phase 1: tables that reference no other table' : `Tables, phase ${index + 1}: tables that reference only tables of earlier phases`,
      [...phase].sort(byCreation).map((table) => {
        const inline = table.constraints.filter((constraint) => !isDeferred(plan, table, constraint));
        return `${provenance(table, sources)}\n${createTable(schema, table, inline)}`;
      }),
    ),
  );

  const parts = [
    header(files, leftOut, sessionCount, options.includeData),
    section('Settings: function bodies are checked when they run, not when they are created (as pg_dump does)', ['SET check_function_bodies = false;']),
    section('Schemas', createSchemas(schema)),
    section('Extensions', createExtensions(schema)),
    section('Types', createTypes(schema)),
    section('Sequences', sequences.map(createSequence)),
    section('Carried as written: statements the model does not interpret, needed before the tables', verbatim['before-tables'].map(verbatimBlock)),
    section('Functions that column defaults, checks and indexes call', functionsTablesUse.map(createFunction)),
    ...tableSections,
    section(
      'Foreign keys that close a cycle between tables, added once every table exists',
      plan.deferred.map(({ table, constraint }) => addConstraint(table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Sequence ownership', sequences.map(ownSequence).filter((text): text is string => text !== null)),
    section('Indexes', standaloneIndexes(schema, tableOrder).map((index) => createIndex(index, schema))),
    section('Functions and procedures', otherFunctions.map(createFunction)),
    section('Views and materialized views, each after the views it reads', orderViews(schema).map(createView)),
    section('Triggers', tables.flatMap((table) => table.triggers.map((trigger) => createTrigger(table, trigger)))),
    section('Row level security and policies', tables.flatMap((table) => {
      const statements = [...rowLevelSecurity(table), ...table.policies.map((policy) => createPolicy(table, policy))];
      return statements.length > 0 ? [statements.join('\n')] : [];
    })),
    section('Carried as written: statements on platform objects, and statements the model does not interpret', verbatim['after-tables'].map(verbatimBlock)),
    section('Publications', [...schema.publications.values()].sort(byOrigin).map(createPublication)),
    section('Owners', joined(ownerStatements(schema))),
    section('Grants and revokes', joined(grantStatements(schema))),
    section('Revokes of privileges the platform grants by itself, repeated as written', revokes),
    section('Default privileges for objects created later', joined(defaultPrivilegeStatements(schema))),
    section('Comments', joined(commentStatements(schema))),
    section('Data, in the order the migrations ran it', carriedData),
  ];
  return `${parts.filter((part): part is string => part !== null).join('\n\n')}\n`;
}

/** Short statements of one kind read best as one block. */
function joined(statements: string[]): string[] {
  return statements.length > 0 ? [statements.join('\n')] : [];
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
