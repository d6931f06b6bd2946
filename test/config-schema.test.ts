/** miglint.schema.json is what the zod schema and the rules generate (`npm run schema` rewrites it). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from '../src/config-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('miglint.schema.json', () => {
  const generated = configJsonSchemaText(RULES);

  it('is current: regenerated from the zod schema, it is the file checked in (run `npm run schema` after changing a rule or the config)', () => {
    expect(readFileSync(path.join(ROOT, CONFIG_SCHEMA_FILE), 'utf8')).toBe(generated);
  });

  it('lists every rule, and unused-disable, with its options and nothing else', () => {
    const schema = JSON.parse(generated) as { additionalProperties: boolean; properties: { rules: { additionalProperties: boolean; properties: Record<string, { anyOf: { items?: { properties?: object }[] }[] }> } } };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.rules.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULES.map((rule) => rule.id), 'unused-disable'].sort());
    expect(schema.properties.rules.properties['patch-chain']!.anyOf[2]!.items![1]!.properties).toEqual({
      threshold: { default: 3, type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    });
  });
});
