/**
 * The consolidated baseline: the replayed model written back as SQL, in an order PostgreSQL
 * can apply in one pass. Pure and deterministic: the same folder gives the same bytes,
 * whatever the working directory.
 */
import type { ParsedFile, Statement } from '../parse/index.js';
import type { Origin, SchemaModel, Table } from '../replay/model.js';
import { header, type LeftOut } from './header.js';
import { createIndex, standaloneIndexes } from './indexes.js';
import { leftOutOfModel } from './left-out.js';
import { createSequence, impliedSequences, ownSequence } from './sequences.js';
import { qualified } from './sql.js';
import { createTable, addConstraint } from './table-ddl.js';
import { byCreation, isDeferred, keyOf, planTables } from './table-order.js';
import { placementOf, type Placement } from './verbatim.js';

export { BASELINE_MARKER, isMiglintBaseline } from './header.js';

export interface BaselineInput {
  schema: SchemaModel;
  files: ParsedFile[];
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

  const verbatim: Record<Placement, { origin: Origin; text: string }[]> = { 'before-tables': [], 'after-tables': [], session: [], data: [] };
  for (const statement of schema.uninterpreted) {
    const node = sources.statement(statement.origin)?.node;
    const placement = node ? placementOf(statement, node) : 'after-tables';
    if (placement !== 'data') verbatim[placement].push(statement);
  }
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

  const createdByStatements = (key: string) =>
    verbatim['before-tables'].some((statement) => statement.text.toLowerCase().includes(key.slice(key.indexOf('.') + 1).toLowerCase()));
  const sequences = impliedSequences(schema, createdByStatements);
  const plan = planTables(schema);
  const tableOrder = plan.phases.flat().map(keyOf);

  const tableSections = plan.phases.map((phase, index) =>
    section(
      index === 0 ? 'Tables, phase 1: tables that reference no other table' : `Tables, phase ${index + 1}: tables that reference only tables of earlier phases`,
      [...phase].sort(byCreation).map((table) => {
        const inline = table.constraints.filter((constraint) => !isDeferred(plan, table, constraint));
        return `${provenance(table, sources)}\n${createTable(table, inline)}`;
      }),
    ),
  );
  const verbatimBlock = (statement: { origin: Origin; text: string }) => `-- ${sources.where(statement.origin)}\n${closed(statement.text)}`;
  const rls = [...schema.tables.values()]
    .sort(byCreation)
    .flatMap((table) => [
      ...(table.rlsEnabled ? [`ALTER TABLE ${qualified(table.schema, table.name)} ENABLE ROW LEVEL SECURITY;`] : []),
      ...(table.rlsForced ? [`ALTER TABLE ${qualified(table.schema, table.name)} FORCE ROW LEVEL SECURITY;`] : []),
    ]);

  const parts = [
    header(files, leftOut, sessionCount, options.includeData),
    section('Carried as written: extensions, schemas, types, sequences (the model does not interpret these yet)', verbatim['before-tables'].map(verbatimBlock)),
    section('Sequences that column defaults use', sequences.map(createSequence)),
    ...tableSections,
    section(
      'Foreign keys that close a cycle between tables, added once every table exists',
      plan.deferred.map(({ table, constraint }) => addConstraint(table, constraint)).filter((text): text is string => text !== null),
    ),
    section('Sequence ownership', sequences.map(ownSequence)),
    section('Indexes', standaloneIndexes(schema, tableOrder).map((index) => createIndex(index, schema))),
    section(
      'Carried as written: functions, views, triggers, policies, grants, comments (the model does not interpret these yet)',
      verbatim['after-tables'].map(verbatimBlock),
    ),
    section('Row level security', rls.length > 0 ? [rls.join('\n')] : []),
    section('Data, in the order the migrations ran it', carriedData),
  ];
  return `${parts.filter((part): part is string => part !== null).join('\n\n')}\n`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
