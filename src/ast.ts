/**
 * The one place rules walk statements and their ASTs: which statements the runner applies,
 * how to visit nested nodes, and how an AST `location` (a UTF-8 byte offset) becomes the
 * file:line:column a finding prints.
 */
import type { ColumnDef, FuncCall, Node, RangeVar, RoleSpec } from 'libpg-query';
import type { ParsedFile, Statement } from './parse/index.js';
import { formatType } from './replay/sql-text.js';
import type { Origin } from './replay/model.js';

export interface Located {
  file: ParsedFile;
  statement: Statement;
}

/** Every statement the runner applies forward (down and undo files excluded), in runner order. */
export function* replayedStatements(files: ParsedFile[]): Generator<Located> {
  for (const file of files) {
    if (!file.file.replayed) continue;
    for (const statement of file.statements) yield { file, statement };
  }
}

/** The last statement that starts at or before the position: the one a finding or report is in. */
export function statementContaining(statements: Statement[], { line, column }: { line: number; column: number }): Statement | undefined {
  // Statements are in file order: a binary search (every finding asks, and a dump holds thousands).
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const statement = statements[middle]!;
    if (statement.line > line || (statement.line === line && statement.column > column)) high = middle;
    else low = middle + 1;
  }
  return statements[low - 1];
}

/** The statement's node of one kind, e.g. `nodeOf(statement, 'IndexStmt')`; null for other kinds. */
export function nodeOf<K extends NodeKind>(statement: Statement, kind: K): NodeOfKind<K> | null {
  // A statement's node has one key, its kind: comparing the kind avoids an `in` lookup on
  // trees of every shape (every rule asks this of every statement).
  return statement.kind === kind ? ((statement.node as Record<string, unknown>)[kind] as NodeOfKind<K>) : null;
}

export type NodeKind = Node extends infer N ? (N extends Record<infer K, unknown> ? K & string : never) : never;
export type NodeOfKind<K extends NodeKind> = Extract<Node, Record<K, unknown>>[K];

/**
 * Calls `visit` for every node of `kind` inside `root`, depth first. `visit` returning false
 * skips that node's children (e.g. not looking inside a sub-select).
 */
export function visitNodes<K extends NodeKind>(
  root: unknown,
  kind: K,
  visit: (node: NodeOfKind<K>) => boolean | void,
): void {
  // Plain loops: walks run over every tree of a folder, and Object.entries allocates per node.
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object') continue;
      if (key === kind && !Array.isArray(child)) {
        if (visit(child as NodeOfKind<K>) === false) continue;
      }
      walk(child);
    }
  };
  walk(root);
}

/** Where a finding points: the node at `location` if the parser gave one, else the statement. */
export function positionAt(place: Located, location?: number): { file: string; line: number; column: number } {
  const file = place.file.file.path;
  if (location === undefined || location < 0 || place.file.positions === null) {
    return { file, line: place.statement.line, column: place.statement.column };
  }
  return { file, ...place.file.positions.positionOfByte(location) };
}

/** Runner order of two places, for "before" and "after" across files. */
export function compareOrigins(a: Pick<Origin, 'fileOrder' | 'statementIndex'>, b: Pick<Origin, 'fileOrder' | 'statementIndex'>): number {
  return a.fileOrder - b.fileOrder || a.statementIndex - b.statementIndex;
}

/** The origin of a statement, comparable with the model's and the history's origins. */
export function originOf(place: Located): Origin {
  return {
    path: place.file.file.path,
    fileOrder: place.file.file.order,
    statementIndex: place.statement.index,
    line: place.statement.line,
    column: place.statement.column,
  };
}

/** `schema.name` of a relation; unqualified names are taken to be in `public`. */
export function relationKey(relation: RangeVar): string {
  return `${relation.schemaname ?? 'public'}.${relation.relname ?? ''}`;
}

/** The strings of a name list (`funcname`, `names`, `fields`). */
export function nameParts(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node ? [node.String.sval ?? ''] : []));
}

/** `auth.uid`, `now`: a function call's name as written, schema included when given. */
export function functionName(call: FuncCall): string {
  return nameParts(call.funcname).join('.');
}

/** Role names of a grantee or policy role list; `public` for PUBLIC, as PostgreSQL names it. */
export function roleNames(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => ('RoleSpec' in node ? [roleName(node.RoleSpec)] : []));
}

function roleName(role: RoleSpec): string {
  switch (role.roletype) {
    case 'ROLESPEC_PUBLIC':
      return 'public';
    case 'ROLESPEC_CURRENT_USER':
      return 'current_user';
    case 'ROLESPEC_SESSION_USER':
      return 'session_user';
    case 'ROLESPEC_CURRENT_ROLE':
      return 'current_role';
    default:
      return role.rolename ?? '';
  }
}

/** True for the literal `true`. */
export function isLiteralTrue(node: Node | undefined): boolean {
  return node !== undefined && 'A_Const' in node && node.A_Const.boolval?.boolval === true;
}

/** The definition of the column an `ALTER TABLE ... ADD COLUMN` statement adds under that name. */
export function addedColumn(statement: Statement, column: string): ColumnDef | null {
  for (const item of nodeOf(statement, 'AlterTableStmt')?.cmds ?? []) {
    if (!('AlterTableCmd' in item)) continue;
    const command = item.AlterTableCmd;
    if (command.subtype !== 'AT_AddColumn' || !command.def || !('ColumnDef' in command.def)) continue;
    if (command.def.ColumnDef.colname === column) return command.def.ColumnDef;
  }
  return null;
}

/**
 * `public.touch(uuid, text)`: a function's identity as PostgreSQL sees it, by name and input
 * argument types (OUT and TABLE parameters are not part of it).
 */
export function functionSignature(name: Node[] | undefined, parameters: Node[] | undefined): string {
  const parts = nameParts(name);
  const qualified = parts.length > 1 ? parts.join('.') : `public.${parts[0] ?? ''}`;
  const inputs = (parameters ?? []).flatMap((node) => {
    if (!('FunctionParameter' in node)) return [];
    const parameter = node.FunctionParameter;
    if (parameter.mode === 'FUNC_PARAM_OUT' || parameter.mode === 'FUNC_PARAM_TABLE') return [];
    return parameter.argType ? [formatType(parameter.argType)] : [];
  });
  return `${qualified}(${inputs.join(', ')})`;
}
