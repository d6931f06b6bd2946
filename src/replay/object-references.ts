/**
 * Rewrites of stored SQL for an object that was renamed or moved to another schema. PostgreSQL
 * keeps the oid, so its printout names the object anew: a type in a cast, a function in a call,
 * a sequence in `nextval('...')`. Names follow the model's convention: bare in `public`,
 * schema-qualified elsewhere (as PostgreSQL prints them with the default search_path).
 */
import { rewriteNodes, type SqlKind } from './rewrite.js';
import { quoteIdentifier } from './sql-text.js';

export interface ObjectName {
  schema: string;
  name: string;
}

interface StringNode {
  String: { sval?: string };
}

function namesOf(nodes: unknown): string[] {
  return Array.isArray(nodes) ? nodes.map((node: StringNode) => node.String?.sval ?? '') : [];
}

/** Whether `names` as written (`[name]` or `[schema, name]`) denote the object; a bare name means `public`. */
function denotes(names: string[], object: ObjectName): boolean {
  if (names.length === 1) return object.schema === 'public' && names[0] === object.name;
  return names.length === 2 && names[0] === object.schema && names[1] === object.name;
}

function nameNodes(object: ObjectName): StringNode[] {
  return (object.schema === 'public' ? [object.name] : [object.schema, object.name]).map((sval) => ({ String: { sval } }));
}

/** The object as format_type and pg_get_expr print it (quoted where needed). */
export function spelled(object: ObjectName): string {
  return object.schema === 'public' ? quoteIdentifier(object.name) : `${quoteIdentifier(object.schema)}.${quoteIdentifier(object.name)}`;
}

/** Casts to the type (`'a'::mood`, `CAST(x AS mood[])`) name its new name. */
export function retypeCasts(from: ObjectName, to: ObjectName): (text: string, kind: SqlKind) => string {
  return (text, kind) =>
    !text.includes(from.name)
      ? text
      : rewriteNodes(text, kind, (record) => {
          const typeName = 'TypeCast' in record ? (record.TypeCast as { typeName?: { names?: unknown } }).typeName : undefined;
          if (!typeName || !denotes(namesOf(typeName.names), from)) return false;
          typeName.names = nameNodes(to);
          return true;
        });
}

/** Calls of the function, told apart from its overloads by how many arguments they pass. */
export function renameCalls(from: ObjectName, to: ObjectName, argumentCount: { min: number; max: number }): (text: string, kind: SqlKind) => string {
  return (text, kind) =>
    !text.includes(from.name)
      ? text
      : rewriteNodes(text, kind, (record) => {
          const call = 'FuncCall' in record ? (record.FuncCall as { funcname?: unknown; args?: unknown[] }) : undefined;
          const count = call?.args?.length ?? 0;
          if (!call || !denotes(namesOf(call.funcname), from) || count < argumentCount.min || count > argumentCount.max) return false;
          call.funcname = nameNodes(to);
          return true;
        });
}

const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);

/** `a.b`, `"Odd Seq"`: the parts of a regclass literal as PostgreSQL reads them. */
function literalName(text: string): ObjectName | null {
  const parts = [...text.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((match) => (match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!.toLowerCase()));
  if (parts.length === 1) return { schema: 'public', name: parts[0]! };
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : null;
}

/** The deparser writes casts as CAST(... AS ...); a regclass literal reads as PostgreSQL and serial defaults print it. */
const REGCLASS_CAST = /CAST\(('(?:[^']|'')*') AS regclass\)/g;

/** `nextval('s')`, `currval('s'::regclass)`, `setval(...)` name the sequence anew. */
export function renameSequenceArguments(from: ObjectName, to: ObjectName): (text: string, kind: SqlKind) => string {
  return (text, kind) => {
    if (!text.toLowerCase().includes(from.name.toLowerCase()) || !/(nextval|currval|setval)/i.test(text)) return text;
    const rewritten = rewriteNodes(text, kind, (record) => {
      const call = 'FuncCall' in record ? (record.FuncCall as { funcname?: unknown; args?: Record<string, unknown>[] }) : undefined;
      const names = namesOf(call?.funcname);
      if (!call || !SEQUENCE_FUNCTIONS.has(names[names.length - 1] ?? '')) return false;
      const first = call.args?.[0];
      const cast = first && 'TypeCast' in first ? (first.TypeCast as { arg?: Record<string, unknown> }).arg : first;
      const constant = cast && 'A_Const' in cast ? (cast.A_Const as { sval?: { sval?: string } }).sval : undefined;
      const named = constant?.sval !== undefined ? literalName(constant.sval) : null;
      if (!constant || !named || named.schema !== from.schema || named.name !== from.name) return false;
      constant.sval = spelled(to);
      return true;
    });
    return rewritten === text ? text : rewritten.replace(REGCLASS_CAST, '$1::regclass');
  };
}
