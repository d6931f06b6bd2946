/**
 * miglint.schema.json, the JSON schema editors use to complete and check miglint.config.json:
 * generated from the zod schema the configuration is validated with, every rule listed with its
 * description and its own options. Written by `npm run schema`; a test keeps the file current.
 */
import { z } from 'zod';
import { CONFIG_SHAPE, ruleEntry } from './config.js';
import { UNUSED_DISABLE } from './lint/suppressions.js';
import type { Rule } from './rule.js';

export const CONFIG_SCHEMA_FILE = 'miglint.schema.json';

export function configJsonSchemaText(rules: Rule[]): string {
  const ruleEntries = Object.fromEntries([
    ...rules.map((rule) => [
      rule.id,
      ruleEntry(rule.options ?? z.object({}).strict())
        .optional()
        .describe(`${rule.description} (default: ${rule.enabledByDefault === false ? 'off' : rule.severity})`),
    ]),
    [UNUSED_DISABLE, ruleEntry(z.object({}).strict()).optional().describe('A miglint-disable comment that suppresses nothing (default: warning)')],
  ]);
  const config = z
    .object({ ...CONFIG_SHAPE, rules: z.object(ruleEntries).strict().optional().describe(CONFIG_SHAPE.rules.description ?? '') })
    .strict()
    .describe('miglint configuration (miglint.config.json, or the "miglint" key of package.json)');
  const schema = z.toJSONSchema(config, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
  return JSON.stringify({ ...schema, title: 'miglint configuration' }, null, 2) + '\n';
}
