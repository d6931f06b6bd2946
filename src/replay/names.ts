/** Object names out of the AST shapes DROP, COMMENT, GRANT and ALTER use for them. */
import type { Node, ObjectWithArgs, RoleSpec, TypeName } from 'libpg-query';
import type { ReplayContext } from './context.js';
import { functionKey, type FunctionObject } from './model.js';
import { formatType, stringsOf } from './sql-text.js';

/** `a.b.c` name parts of a List of Strings, a String, a TypeName or an ObjectWithArgs. */
/** PostgreSQL's own schemas: what is in them exists before any migration, and the model does not hold it. */
const BUILTIN_SCHEMAS = ['pg_catalog', 'information_schema'];

/** True for the key of one of PostgreSQL's own schemas or of an object in one (`pg_catalog.lo_export(oid, text)`). */
export function isBuiltinObject(key: string): boolean {
  return BUILTIN_SCHEMAS.some((schema) => key === schema || key.startsWith(`${schema}.`));
}

/** Why a statement on PostgreSQL's own objects is kept verbatim. */
export const ON_BUILTIN_OBJECTS = "it changes PostgreSQL's own objects, which the model does not hold";

export function nameParts(node: Node | undefined): string[] {
  if (!node) return [];
  if ('List' in node) return stringsOf(node.List.items);
  if ('String' in node) return [node.String.sval ?? ''];
  if ('TypeName' in node) return stringsOf(node.TypeName.names);
  if ('ObjectWithArgs' in node) return stringsOf(node.ObjectWithArgs.objname);
  if ('RangeVar' in node) return [node.RangeVar.schemaname, node.RangeVar.relname ?? ''].filter((part): part is string => part !== undefined);
  return [];
}

/** Splits `[schema, name]` or `[name]` (a three-part name keeps its last two). */
export function schemaAndName(parts: string[]): { schema: string | undefined; name: string } {
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] ?? '' };
}

/** A role as PostgreSQL prints it: PUBLIC for everyone, the current user as `CURRENT_USER`. */
export function roleName(role: RoleSpec | undefined): string {
  switch (role?.roletype) {
    case 'ROLESPEC_PUBLIC':
      return 'PUBLIC';
    case 'ROLESPEC_CURRENT_USER':
    case 'ROLESPEC_CURRENT_ROLE':
    case 'ROLESPEC_SESSION_USER':
      return 'CURRENT_USER';
    default:
      return role?.rolename ?? '';
  }
}

export function roleNames(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((node) => ('RoleSpec' in node ? roleName(node.RoleSpec) : ''));
}

/** A type in a function signature: format_type without modifiers (PostgreSQL drops them there). */
export function signatureType(typeName: TypeName): string {
  return formatType({ ...typeName, typmods: [] });
}

/**
 * The function or procedure an ObjectWithArgs names: by signature when argument types are
 * given, else the only one with that name. Null when none (or, without types, several) match.
 */
export function findFunction(ctx: ReplayContext, object: ObjectWithArgs): { key: string; fn: FunctionObject } | null {
  const { schema, name } = schemaAndName(stringsOf(object.objname));
  const types = object.args_unspecified ? null : signatureTypesOf(ctx, object);
  for (const candidateSchema of ctx.lookupSchemas(schema)) {
    if (types) {
      const key = functionKey(candidateSchema, name, types);
      const fn = ctx.schema.functions.get(key);
      if (fn) return { key, fn };
      continue;
    }
    const matches = [...ctx.schema.functions.entries()].filter(([, fn]) => fn.schema === candidateSchema && fn.name === name);
    if (matches.length === 1) return { key: matches[0]![0], fn: matches[0]![1] };
  }
  return null;
}

/** Input argument types of an ObjectWithArgs (OUT arguments do not count). */
export function signatureTypesOf(ctx: ReplayContext, object: ObjectWithArgs): string[] {
  if (object.objfuncargs?.length) {
    return object.objfuncargs.flatMap((node) => {
      if (!('FunctionParameter' in node)) return [];
      const parameter = node.FunctionParameter;
      if (parameter.mode === 'FUNC_PARAM_OUT' || parameter.mode === 'FUNC_PARAM_TABLE' || !parameter.argType) return [];
      return [signatureType(ctx.qualifyType(parameter.argType))];
    });
  }
  return (object.objargs ?? []).flatMap((node) => ('TypeName' in node ? [signatureType(ctx.qualifyType(node.TypeName))] : []));
}

/** The key a function would have, printed for messages when it does not exist. */
export function describeFunction(ctx: ReplayContext, object: ObjectWithArgs): string {
  const { schema, name } = schemaAndName(stringsOf(object.objname));
  return functionKey(ctx.schemaForCreate(schema), name, object.args_unspecified ? [] : signatureTypesOf(ctx, object));
}
