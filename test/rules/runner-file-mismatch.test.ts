import { createHash } from 'node:crypto';
import rule from '../../rules/runner-file-mismatch.js';
import { ruleTester } from '../support/rule-tester.js';

const body = 'create table posts (id int);\n';
const hash = `sha1:${createHash('sha1').update(`\n${body}`.trim() + '\n').digest('hex')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a sound graphile-migrate chain',
      files: { 'committed/000001.sql': `--! Previous: -\n--! Hash: ${hash}\n\n${body}` },
    },
    {
      name: 'a drizzle journal whose every entry has its file',
      files: { 'meta/_journal.json': JSON.stringify({ entries: [{ idx: 0, tag: '0000_init' }] }), '0000_init.sql': 'SELECT 1;' },
    },
  ],
  invalid: [
    {
      name: 'a committed graphile-migrate file edited after commit',
      files: { 'committed/000001.sql': `--! Previous: -\n--! Hash: ${hash}\n\n${body.replace('int', 'bigint')}` },
      findings: [{ file: 'committed/000001.sql', line: 2, column: 1, message: 'it was edited after it was committed' }],
    },
    {
      name: 'a sqitch plan entry without its deploy script',
      files: {
        'sqitch.plan': '%project=p\n\nschema 2024-01-01T00:00:00Z A <a@b.c> # s\nusers 2024-01-02T00:00:00Z A <a@b.c> # u\n',
        'deploy/schema.sql': 'CREATE SCHEMA app;',
      },
      findings: [{ file: 'sqitch.plan', line: 4, message: 'sqitch.plan lists the change "users", but deploy/users.sql is not in the folder' }],
    },
  ],
});
