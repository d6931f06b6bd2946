import rule from '../../rules/unversioned-file.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every file numbered',
      files: { '001_a.sql': 'SELECT 1;', '0002-b.sql': 'SELECT 1;' },
    },
    {
      name: 'Flyway repeatable scripts have no version by design',
      files: { 'V1__init.sql': 'SELECT 1;', 'R__views.sql': 'SELECT 1;' },
    },
    {
      name: 'loose files next to Diesel folders are not migrations',
      files: { '2023-01-01-000000_posts/up.sql': 'SELECT 1;', 'schema.sql': 'SELECT 1;' },
    },
    {
      name: 'nested files in a numbered folder are not migrations',
      files: { '001_a.sql': 'SELECT 1;', 'seeds/users.sql': 'SELECT 1;' },
    },
  ],
  invalid: [
    {
      name: 'an unnumbered file among numbered ones (the seed audit)',
      files: {
        '028_hubspot_cache.sql': 'SELECT 1;',
        'add-document-relationships.sql': 'SELECT 1;',
        'Zz_notes.sql': '',
      },
      findings: [
        {
          file: 'Zz_notes.sql',
          line: 1,
          column: 1,
          message: '"Zz_notes.sql" has no version; expected <number>_<name>.sql.',
        },
        {
          file: 'add-document-relationships.sql',
          line: 1,
          column: 1,
          message: '"add-document-relationships.sql" has no version; expected <number>_<name>.sql.',
        },
      ],
    },
    {
      name: 'a Supabase folder says the CLI skips the file',
      files: {
        'supabase/migrations/20240101000000_init.sql': 'SELECT 1;',
        'supabase/migrations/seed.sql': 'SELECT 1;',
      },
      findings: [
        {
          file: 'supabase/migrations/seed.sql',
          line: 1,
          message: '"seed.sql" has no version; expected <timestamp>_<name>.sql; the Supabase CLI skips this file.',
        },
      ],
    },
    {
      name: 'a plain numbered file in a golang-migrate folder',
      files: { '001_a.up.sql': 'SELECT 1;', '001_a.down.sql': 'SELECT 1;', '002_b.sql': 'SELECT 1;' },
      findings: [{ file: '002_b.sql', line: 1, message: 'expected <version>_<name>.up.sql / .down.sql; golang-migrate skips this file' }],
    },
    {
      name: 'forced layout: numbered files in a folder forced to golang-migrate',
      layout: 'golang-migrate',
      files: { '001_a.sql': 'SELECT 1;' },
      findings: [{ file: '001_a.sql', line: 1, message: 'golang-migrate skips this file' }],
    },
    {
      name: 'Flyway: a file without the V prefix',
      files: { 'V1__init.sql': 'SELECT 1;', 'V2__b.sql': 'SELECT 1;', '3__c.sql': 'SELECT 1;' },
      findings: [{ file: '3__c.sql', line: 1, message: 'expected V<version>__<name>.sql or R__<name>.sql; Flyway skips this file' }],
    },
  ],
});
