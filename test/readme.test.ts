import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the two commands that work on a fresh machine', () => {
    const firstBlock = readme.split('```')[1] ?? '';
    expect(firstBlock).toContain('npm ci && npx miglint lint examples/');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it('documents every rule', () => {
    const missing = RULES.map((rule) => rule.id).filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
