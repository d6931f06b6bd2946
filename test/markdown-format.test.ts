/** `lint -f markdown` through the built CLI: the comment a pull request or a job summary shows. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { gitInit, miglint, SLOW } from './support/run-cli.js';

describe('markdown format', () => {
  let repo: string;
  beforeAll(() => {
    repo = writeFolder({
      'db/migrations/001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\n',
      'db/migrations/002_b.sql': '-- again\nCREATE TABLE a (id bigint PRIMARY KEY);\n',
    });
    gitInit(repo);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('prints the summary table and the findings by file, exit code as for any format', SLOW, async () => {
    const run = await miglint(path.join(repo, 'db'), ['lint', 'migrations', '-f', 'markdown']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^## miglint\n\n\*\*1 problem\*\* \(1 error, 0 warnings, 0 info\) in 2 files, 2 statements\.\n/);
    expect(run.stdout).toMatch(/\| \[?`duplicate-create-table`.* \| 🔴 error \| 1 \|\n/);
    expect(run.stdout).toContain('### [migrations/002\\_b.sql](migrations/002_b.sql)\n\n- 🔴 [line 2](migrations/002_b.sql#L2) ');
    expect(run.stdout).toContain('  - [migrations/001\\_a.sql:1](migrations/001_a.sql#L1) "a" first created here\n');
  });

  it('links to a commit from the repository root when MIGLINT_LINK_BASE is set', SLOW, async () => {
    const run = await miglint(path.join(repo, 'db'), ['lint', 'migrations', '-f', 'markdown'], { MIGLINT_LINK_BASE: 'https://github.com/o/r/blob/abc/' });
    expect(run.stdout).toContain('- 🔴 [line 2](https://github.com/o/r/blob/abc/db/migrations/002_b.sql#L2) ');
  });
});
