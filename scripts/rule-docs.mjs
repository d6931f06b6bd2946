// `npm run docs`: writes docs/rules/<id>.md for every rule from its `docs`, and removes pages of
// rules that are gone. test/rule-docs.test.ts fails when a page is not what this writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_CATALOG } from '../dist/src/rule-catalog.js';
import { RULE_DOCS_DIR, ruleDocsPages } from '../dist/src/rule-docs.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', RULE_DOCS_DIR);
const pages = ruleDocsPages(RULE_CATALOG);
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (name.endsWith('.md') && !pages.has(name)) rmSync(path.join(dir, name));
for (const [name, text] of pages) writeFileSync(path.join(dir, name), text);
console.log(`wrote ${pages.size} pages to ${RULE_DOCS_DIR}/`);
