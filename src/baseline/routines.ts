/**
 * Functions and procedures, written from the model with their body as the migration wrote it.
 * Options the model does not keep (STRICT, LEAKPROOF, PARALLEL, COST, ROWS, WINDOW) are read
 * from the text of the statement that last defined the function.
 */
import type { FunctionArgument, FunctionObject } from '../replay/model.js';
import { dollarQuoted, ident, literal, qualified } from './sql.js';

function argumentText(argument: FunctionArgument): string {
  const mode = argument.mode === 'IN' ? '' : `${argument.mode} `;
  const name = argument.name ? `${ident(argument.name)} ` : '';
  const value = argument.default !== null ? ` DEFAULT ${argument.default}` : '';
  return `${mode}${name}${argument.type}${value}`;
}

const KEPT_FROM_TEXT: RegExp[] = [
  /\b(STRICT|RETURNS\s+NULL\s+ON\s+NULL\s+INPUT|CALLED\s+ON\s+NULL\s+INPUT)\b/i,
  /\b(NOT\s+LEAKPROOF|LEAKPROOF)\b/i,
  /\bPARALLEL\s+(SAFE|RESTRICTED|UNSAFE)\b/i,
  /\bCOST\s+\d+(\.\d+)?/i,
  /\bROWS\s+\d+(\.\d+)?/i,
  /\bWINDOW\b/i,
];

/** Options found in the statement text once the body is taken out of it. */
function optionsFromText(fn: FunctionObject): string[] {
  const outside = (fn.body ? fn.sql.replace(fn.body, '') : fn.sql).replace(/'(?:[^']|'')*'/g, "''");
  const afterSignature = outside.slice(outside.search(/\)\s*(RETURNS|LANGUAGE|AS|SECURITY|IMMUTABLE|STABLE|VOLATILE|SET|STRICT|BEGIN)\b/i) + 1);
  return KEPT_FROM_TEXT.map((pattern) => pattern.exec(afterSignature)?.[0]?.replace(/\s+/g, ' ').toUpperCase()).filter(
    (option): option is string => option !== undefined,
  );
}

function settingText(setting: string): string {
  const [name, ...rest] = setting.split(' = ');
  const value = rest.join(' = ');
  if (value === '' || value === "''") return `SET ${name} = ''`;
  const list = value.split(',').map((item) => item.trim());
  return `SET ${name} TO ${list.map((item) => (/^[a-z_][a-z0-9_$]*$/.test(item) ? item : literal(item))).join(', ')}`;
}

export function createFunction(fn: FunctionObject): string {
  const head = `CREATE ${fn.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qualified(fn.schema, fn.name)}(${fn.arguments
    .filter((argument) => argument.mode !== 'TABLE')
    .map(argumentText)
    .join(', ')})`;
  const lines = [head];
  if (fn.returns !== null && fn.kind === 'function') lines.push(`RETURNS ${fn.returns}`);
  lines.push(`LANGUAGE ${fn.language}`);
  if (fn.kind === 'function' && fn.volatility !== 'VOLATILE') lines.push(fn.volatility);
  if (fn.securityDefiner) lines.push('SECURITY DEFINER');
  lines.push(...optionsFromText(fn));
  lines.push(...fn.settings.map(settingText));
  lines.push(fn.standardBody ? fn.body : `AS ${dollarQuoted(fn.body)}`);
  return `${lines.join('\n')};`;
}
