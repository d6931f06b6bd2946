/** Functions and procedures, written from the model with their body as the migration wrote it. */
import type { FunctionArgument, FunctionObject } from '../replay/model.js';
import { dollarQuoted, ident, literal, qualified } from './sql.js';

function argumentText(argument: FunctionArgument): string {
  const mode = argument.mode === 'IN' ? '' : `${argument.mode} `;
  const name = argument.name ? `${ident(argument.name)} ` : '';
  const value = argument.default !== null ? ` DEFAULT ${argument.default}` : '';
  return `${mode}${name}${argument.type}${value}`;
}

/** STRICT, LEAKPROOF, PARALLEL, COST, ROWS and WINDOW where they differ from PostgreSQL's defaults. */
function optionLines(fn: FunctionObject): string[] {
  return [
    fn.strict ? 'STRICT' : null,
    fn.leakproof ? 'LEAKPROOF' : null,
    fn.parallel !== 'UNSAFE' ? `PARALLEL ${fn.parallel}` : null,
    fn.cost !== null ? `COST ${fn.cost}` : null,
    fn.rows !== null ? `ROWS ${fn.rows}` : null,
    fn.window ? 'WINDOW' : null,
  ].filter((line): line is string => line !== null);
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
  lines.push(...optionLines(fn));
  lines.push(...fn.settings.map(settingText));
  lines.push(fn.standardBody ? fn.body : `AS ${dollarQuoted(fn.body)}`);
  return `${lines.join('\n')};`;
}
