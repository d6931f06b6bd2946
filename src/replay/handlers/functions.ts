/** CREATE [OR REPLACE] FUNCTION / PROCEDURE (keyed by signature, so overloads coexist) and ALTER FUNCTION. */
import type { AlterFunctionStmt, CreateFunctionStmt, DefElem, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { madeAt, type Reason } from '../reasons.js';
import { functionKey, type FunctionArgument, type FunctionObject } from '../model.js';
import { describeFunction, findFunction, schemaAndName, signatureType } from '../names.js';
import { expressionText, formatType, stringsOf } from '../sql-text.js';
import { applyDefaultPrivileges } from './grants.js';

const MODES: Record<string, string> = {
  FUNC_PARAM_IN: 'IN',
  FUNC_PARAM_DEFAULT: 'IN',
  FUNC_PARAM_OUT: 'OUT',
  FUNC_PARAM_INOUT: 'INOUT',
  FUNC_PARAM_VARIADIC: 'VARIADIC',
  FUNC_PARAM_TABLE: 'TABLE',
};

function argumentsOf(parameters: Node[] | undefined, ctx: ReplayContext): FunctionArgument[] {
  return (parameters ?? []).flatMap((node) => {
    if (!('FunctionParameter' in node)) return [];
    const parameter = node.FunctionParameter;
    return [
      {
        name: parameter.name ?? null,
        mode: MODES[parameter.mode ?? 'FUNC_PARAM_IN'] ?? 'IN',
        type: parameter.argType ? formatType(ctx.qualifyType(parameter.argType)) : 'unknown',
        default: parameter.defexpr ? expressionText(parameter.defexpr) : null,
      },
    ];
  });
}

function signatureOf(parameters: Node[] | undefined, ctx: ReplayContext): string[] {
  return (parameters ?? []).flatMap((node) => {
    if (!('FunctionParameter' in node)) return [];
    const { mode, argType } = node.FunctionParameter;
    if (mode === 'FUNC_PARAM_OUT' || mode === 'FUNC_PARAM_TABLE' || !argType) return [];
    return [signatureType(ctx.qualifyType(argType))];
  });
}

function optionText(element: DefElem): string {
  const arg = element.arg;
  if (!arg) return '';
  if ('String' in arg) return arg.String.sval ?? '';
  if ('Boolean' in arg) return String(arg.Boolean.boolval ?? false);
  if ('List' in arg) return stringsOf(arg.List.items).join(', ');
  if ('Integer' in arg) return String(arg.Integer.ival ?? 0);
  if ('Float' in arg) return arg.Float.fval ?? '';
  if ('VariableSetStmt' in arg) {
    const set = arg.VariableSetStmt;
    const values = (set.args ?? []).map((value) => ('A_Const' in value ? (value.A_Const.sval?.sval ?? String(value.A_Const.ival?.ival ?? '')) : expressionText(value)));
    return set.kind === 'VAR_RESET' ? `${set.name} reset` : `${set.name} = ${values.join(', ')}`;
  }
  return expressionText(arg);
}

/** Applies LANGUAGE, AS, volatility, SECURITY, STRICT, LEAKPROOF, WINDOW, PARALLEL, COST, ROWS and SET options. */
function applyOptions(fn: FunctionObject, options: Node[] | undefined): void {
  for (const node of options ?? []) {
    if (!('DefElem' in node)) continue;
    const element = node.DefElem;
    const value = optionText(element);
    switch (element.defname) {
      case 'language':
        fn.language = value.toLowerCase();
        break;
      case 'as':
        fn.body = value;
        break;
      case 'volatility':
        fn.volatility = value.toUpperCase() as FunctionObject['volatility'];
        break;
      case 'security':
        fn.securityDefiner = value === 'true';
        break;
      case 'strict':
        fn.strict = value === 'true';
        break;
      case 'leakproof':
        fn.leakproof = value === 'true';
        break;
      case 'window':
        fn.window = value === 'true';
        break;
      case 'parallel':
        fn.parallel = value.toUpperCase() as FunctionObject['parallel'];
        break;
      case 'cost':
        fn.cost = value;
        break;
      case 'rows':
        fn.rows = value;
        break;
      case 'set':
        if (value.endsWith(' reset')) fn.settings = fn.settings.filter((setting) => !setting.startsWith(`${value.slice(0, -6)} =`));
        else fn.settings = [...fn.settings.filter((setting) => !setting.startsWith(`${value.split(' = ')[0]} =`)), value];
        break;
      default:
        break;
    }
  }
}

/** PostgreSQL keeps no type modifiers in a function's result: `vector(1536)` returns `vector`. */
function withoutModifiers(type: string): string {
  return type.replace(/\([0-9, ]+\)/g, '');
}

function returnsText(statement: CreateFunctionStmt, ctx: ReplayContext): string | null {
  if (statement.is_procedure) return null;
  const table = argumentsOf(statement.parameters, ctx).filter((argument) => argument.mode === 'TABLE');
  if (table.length) return `TABLE(${table.map((argument) => `${argument.name} ${withoutModifiers(argument.type)}`).join(', ')})`;
  if (!statement.returnType) {
    const out = argumentsOf(statement.parameters, ctx).filter((argument) => argument.mode === 'OUT' || argument.mode === 'INOUT');
    return out.length === 1 ? withoutModifiers(out[0]!.type) : out.length > 1 ? 'record' : 'void';
  }
  return `${statement.returnType.setof ? 'SETOF ' : ''}${signatureType(ctx.qualifyType(statement.returnType))}`;
}

/**
 * A SQL-standard body as SQL: `RETURN expr`, or `BEGIN ATOMIC stmt; ... END`, which the parser
 * gives as a list holding the list of statements.
 */
function standardBodyText(body: Node): string {
  if (!('List' in body)) return expressionText(body);
  const [inner] = body.List.items ?? [];
  const statements = inner && 'List' in inner ? (inner.List.items ?? []) : [];
  return ['BEGIN ATOMIC', ...statements.map((statement) => `  ${expressionText(statement)};`), 'END'].join('\n');
}

/** PostgreSQL's rule on defaults: once an input parameter has one, every later input parameter needs one. */
function defaultsRejection(parameters: FunctionArgument[]): Reason | null {
  const inputs = parameters.filter((parameter) => parameter.mode !== 'OUT' && parameter.mode !== 'TABLE');
  const firstDefault = inputs.findIndex((parameter) => parameter.default !== null);
  if (firstDefault === -1 || inputs.slice(firstDefault).every((parameter) => parameter.default !== null)) return null;
  return { code: 'invalid', text: 'input parameters after one with a default value must also have defaults' };
}

/** What CREATE [OR REPLACE] gives a function whose statement leaves these options out. */
const DEFAULT_OPTIONS = { strict: false, leakproof: false, parallel: 'UNSAFE', cost: null, rows: null, window: false } as const satisfies Partial<FunctionObject>;

export function createFunction(statement: CreateFunctionStmt, ctx: ReplayContext): void {
  const { schema, name } = schemaAndName(stringsOf(statement.funcname));
  const schemaName = ctx.schemaForCreate(schema);
  const signatureTypes = signatureOf(statement.parameters, ctx);
  const key = functionKey(schemaName, name, signatureTypes);
  const kind = statement.is_procedure ? 'procedure' : 'function';
  const rejection = defaultsRejection(argumentsOf(statement.parameters, ctx));
  if (rejection) {
    ctx.emit({ action: 'error', objectType: 'function', name: key, reason: rejection });
    return;
  }
  const existing = ctx.schema.functions.get(key);
  const returns = returnsText(statement, ctx);
  if (existing && (!statement.replace || existing.kind !== kind)) {
    ctx.emit({
      action: 'error',
      objectType: 'function',
      name: key,
      reason:
        existing.kind !== kind
          ? { code: 'wrong-kind', text: `"${key}" is a ${existing.kind}` }
          : { code: 'exists', kind, name: key, sameArguments: true, madeAt: madeAt(existing.created) },
    });
    return;
  }
  if (existing && existing.returns !== returns && returns !== null && existing.returns !== null) {
    ctx.emit({ action: 'error', objectType: 'function', name: key, reason: { code: 'invalid', text: `cannot change return type of existing function "${key}" (${existing.returns} to ${returns}); drop it first` } });
    return;
  }
  const fn: FunctionObject = existing ?? {
    schema: schemaName,
    name,
    kind,
    signatureTypes,
    arguments: [],
    returns,
    language: 'sql',
    securityDefiner: false,
    volatility: 'VOLATILE',
    body: '',
    standardBody: false,
    settings: [],
    ...DEFAULT_OPTIONS,
    sql: '',
    owner: null,
    comment: null,
    created: ctx.origin,
    changes: [],
  };
  Object.assign(fn, { arguments: argumentsOf(statement.parameters, ctx), returns, sql: ctx.statement.text, securityDefiner: false, volatility: 'VOLATILE', settings: [], ...DEFAULT_OPTIONS });
  applyOptions(fn, statement.options);
  fn.standardBody = Boolean(statement.sql_body);
  if (statement.sql_body) fn.body = standardBodyText(statement.sql_body);
  if (existing) {
    ctx.change(existing, 'replaced the definition');
    ctx.emit({ action: 'alter', objectType: 'function', name: key, message: `replaced ${kind} "${key}"` });
    return;
  }
  ctx.schema.functions.set(key, fn);
  applyDefaultPrivileges(ctx, 'functions', schemaName, key, kind);
  ctx.emit({ action: 'create', objectType: 'function', name: key, message: `created ${kind} "${key}"` });
}

export function alterFunction(statement: AlterFunctionStmt, ctx: ReplayContext): void {
  const found = statement.func ? findFunction(ctx, statement.func) : null;
  if (!found) {
    const missing = statement.func ? describeFunction(ctx, statement.func) : '';
    ctx.emit({ action: 'error', objectType: 'function', name: missing, reason: { code: 'missing', kind: 'function', name: missing } });
    return;
  }
  applyOptions(found.fn, statement.actions);
  ctx.change(found.fn, 'altered options');
  ctx.emit({ action: 'alter', objectType: 'function', name: found.key, message: `altered ${found.fn.kind} "${found.key}"` });
}
