/** What hangs off a table once every table and function exists: triggers, RLS and policies. */
import type { Policy, Table, Trigger } from '../replay/model.js';
import { ident, qualified, qualifiedKey } from './sql.js';

function functionName(key: string): string {
  const open = key.indexOf('(');
  return qualifiedKey(open === -1 ? key : key.slice(0, open));
}

function argumentLiteral(argument: string): string {
  return `'${argument.replace(/'/g, "''")}'`;
}

export function createTrigger(table: Pick<Table, 'schema' | 'name'>, trigger: Trigger): string {
  const lines = [
    `CREATE ${trigger.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${ident(trigger.name)}`,
    `  ${trigger.timing} ${trigger.events.join(' OR ')} ON ${qualified(table.schema, table.name)}`,
    ...(trigger.referencing ? [`  REFERENCING ${trigger.referencing.join(' ')}`] : []),
    `  FOR EACH ${trigger.forEachRow ? 'ROW' : 'STATEMENT'}`,
  ];
  if (trigger.when !== null) lines.push(`  WHEN (${trigger.when})`);
  lines.push(`  EXECUTE FUNCTION ${functionName(trigger.function)}(${trigger.arguments.map(argumentLiteral).join(', ')});`);
  return lines.join('\n');
}

export function rowLevelSecurity(table: Table): string[] {
  const name = qualified(table.schema, table.name);
  return [
    ...(table.rlsEnabled ? [`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`] : []),
    ...(table.rlsForced ? [`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`] : []),
  ];
}

export function createPolicy(table: Table, policy: Policy): string {
  const lines = [`CREATE POLICY ${ident(policy.name)} ON ${qualified(table.schema, table.name)}`];
  if (!policy.permissive) lines.push('  AS RESTRICTIVE');
  if (policy.command !== 'ALL') lines.push(`  FOR ${policy.command}`);
  if (policy.roles.length > 0 && !(policy.roles.length === 1 && policy.roles[0] === 'public')) {
    lines.push(`  TO ${policy.roles.map((role) => (role === 'public' ? 'PUBLIC' : ident(role))).join(', ')}`);
  }
  if (policy.using !== null) lines.push(`  USING (${policy.using})`);
  if (policy.withCheck !== null) lines.push(`  WITH CHECK (${policy.withCheck})`);
  return `${lines.join('\n')};`;
}
