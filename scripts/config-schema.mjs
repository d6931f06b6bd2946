// `npm run schema`: writes miglint.schema.json from the configuration's zod schema and the rules.
// test/config-schema.test.ts fails when the file is not what this writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from '../dist/src/config-schema.js';
import { RULES } from '../dist/rules/index.js';

writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', CONFIG_SCHEMA_FILE), configJsonSchemaText(RULES));
console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
