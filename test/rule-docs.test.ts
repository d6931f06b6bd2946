/** docs/rules/<id>.md is what `npm run docs` writes from the rules (CI fails on a stale page), and `miglint rules <id>` prints it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { RULE_CATALOG } from '../src/rule-catalog.js';
import { RULE_DOCS_DIR, ruleDocsPages } from '../src/rule-docs.js';
import { miglint, ROOT, SLOW } from './support/run-cli.js';

const DOCS = path.join(ROOT, RULE_DOCS_DIR);

describe('rule docs pages', () => {
  it('are current: one page per rule, each exactly what `npm run docs` writes', () => {
    const expected = ruleDocsPages(RULE_CATALOG);
    expect(readdirSync(DOCS).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(path.join(DOCS, name), 'utf8'), `${RULE_DOCS_DIR}/${name} is stale: run npm run docs`).toBe(text);
    expect(expected.size).toBe(RULES.length + 1);
  });

  it('carry the rule\'s why, fix and examples, and how to configure it', () => {
    const page = readFileSync(path.join(DOCS, 'version-gap.md'), 'utf8');
    const rule = RULES.find((candidate) => candidate.id === 'version-gap')!;
    expect(page).toContain(`# version-gap\n\n${rule.description}\n`);
    expect(page).toContain(`## Why\n\n${rule.docs.why}\n`);
    expect(page).toContain(`## Reported\n\n\`\`\`sql\n${rule.docs.bad}\n\`\`\``);
    expect(page).toContain('| naming | off (info when turned on) |');
    expect(page).toContain('Turn it on in `miglint.config.json`:\n\n```json\n{\n  "rules": {\n    "version-gap": "info"');
  });

  it('`miglint rules <id>` prints the page', SLOW, async () => {
    const run = await miglint(ROOT, ['rules', 'duplicate-create-table']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(DOCS, 'duplicate-create-table.md'), 'utf8').replace(/^<!--.*-->\n\n/, ''));
    const json = await miglint(ROOT, ['rules', 'unused-disable', '-f', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'unused-disable', severity: 'warning', docs: { fix: expect.any(String) } });
  });

  it('an unknown id exits 2 and suggests the closest', SLOW, async () => {
    const run = await miglint(ROOT, ['rules', 'no-primary-ky']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('miglint: unknown rule "no-primary-ky" (did you mean "no-primary-key"?). `miglint rules` lists them all.\n');
  });
});
