import rule from '../../rules/unplaced-file.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every file is a migration of the layout',
      files: { '001_a.sql': 'SELECT 1;', '002_b.sql': 'SELECT 1;' },
    },
    {
      name: "sqitch's revert and verify scripts belong to the layout",
      files: {
        'sqitch.plan': '%project=p\n\nschema 2024-01-01T00:00:00Z A <a@b.c> # s\n',
        'deploy/schema.sql': 'CREATE SCHEMA app;',
        'revert/schema.sql': 'DROP SCHEMA app;',
        'verify/schema.sql': 'SELECT 1;',
      },
    },
    {
      name: 'a baseline miglint wrote into the folder',
      files: { '000_baseline_schema.sql': '-- miglint:baseline\nSELECT 1;\n', '001_a.sql': 'SELECT 1;' },
    },
  ],
  invalid: [
    {
      name: 'a seed in a subfolder of a numbered folder',
      files: { '001_a.sql': 'SELECT 1;', 'seeds/users.sql': 'SELECT 1;' },
      findings: [{ file: 'seeds/users.sql', line: 1, column: 1, message: 'seeds/users.sql is never applied: only files directly in the folder are migrations. miglint did not replay it.' }],
    },
    {
      name: 'a file drizzle-kit\'s journal does not list',
      files: {
        'meta/_journal.json': JSON.stringify({ entries: [{ idx: 0, tag: '0000_init' }] }),
        '0000_init.sql': 'SELECT 1;',
        '0001_lost.sql': 'SELECT 1;',
      },
      findings: [{ file: '0001_lost.sql', line: 1, message: 'meta/_journal.json does not list it' }],
    },
    {
      name: 'a Prisma folder: a loose script, and a nested file other than migration.sql',
      files: {
        'migration_lock.toml': 'provider = "postgresql"',
        '20240101000000_init/migration.sql': 'SELECT 1;',
        '20240101000000_init/down.sql': 'SELECT 1;',
        'fix.sql': 'SELECT 1;',
      },
      findings: [
        { file: '20240101000000_init/down.sql', line: 1, message: 'Prisma applies only <folder>/migration.sql' },
        { file: 'fix.sql', line: 1 },
      ],
    },
  ],
});
