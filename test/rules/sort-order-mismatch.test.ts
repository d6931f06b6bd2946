import rule from '../../rules/sort-order-mismatch.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'zero-padded to one width',
      files: { '0001_a.sql': '', '0002_b.sql': '', '0010_c.sql': '', '0100_d.sql': '' },
    },
    {
      name: 'timestamps',
      files: { '20231231235959_a.sql': '', '20240101000000_b.sql': '' },
    },
    {
      name: 'one version, names in order',
      files: { '021_a.sql': '', '021_b.sql': '' },
    },
    {
      name: 'golang-migrate down files sort next to their up files',
      files: { '1_a.up.sql': '', '1_a.down.sql': '', '2_b.up.sql': '', '2_b.down.sql': '' },
    },
    {
      name: 'Flyway dotted versions are ordered by the runner by design',
      files: { 'V1__a.sql': '', 'V1_1__b.sql': '', 'V2__c.sql': '' },
    },
    {
      name: 'a Supabase folder runs in name order (the CLI applies files by name), whatever the version widths',
      layout: 'supabase',
      files: { '20250102000001_multi_tenant_schemas.sql': '', '20250108_hugo_love_schema_v1.sql': '', '20251008_vector_search_function.sql': '', '20251009000000_c.sql': '' },
    },
    {
      name: 'unversioned files run last and are not compared',
      files: { '1_a.sql': '', '2_b.sql': '', '0_notes.txt.sql.bak': '', 'aaa.sql': '' },
    },
  ],
  invalid: [
    {
      name: '9_ then 10_',
      files: { '8_a.sql': '', '9_b.sql': '', '10_c.sql': '', '11_d.sql': '' },
      findings: [
        {
          file: '10_c.sql',
          line: 1,
          column: 1,
          message: 'By name, 10_c.sql sorts before 9_b.sql, but the runner applies version 9 first.',
          related: [{ file: '9_b.sql', line: 1 }],
        },
      ],
    },
    {
      name: '0002_ then 00010_ (golang-migrate, up files only)',
      files: {
        '0001_create_accounts.up.sql': '',
        '0001_create_accounts.down.sql': '',
        '0002_create_invoices.up.sql': '',
        '0002_create_invoices.down.sql': '',
        '00010_add_due_date.up.sql': '',
        '00010_add_due_date.down.sql': '',
      },
      findings: [
        {
          file: '00010_add_due_date.up.sql',
          line: 1,
          message: 'By name, 00010_add_due_date.up.sql sorts before 0002_create_invoices.up.sql, but the runner applies version 0002 first.',
          related: [{ file: '0002_create_invoices.up.sql', line: 1 }],
        },
      ],
    },
    {
      name: 'Diesel folders, with and without the 2.2 counter',
      files: {
        '2024-01-01-000000_a/up.sql': '',
        '2025-09-19-132648-0000_b/up.sql': '',
        '2025-09-19-132648-0001_c/up.sql': '',
        '9999_d/up.sql': '',
      },
      findings: [
        {
          file: '2024-01-01-000000_a/up.sql',
          line: 1,
          message: 'By name, 2024-01-01-000000_a/up.sql sorts before 9999_d/up.sql, but the runner applies version 9999 first.',
        },
      ],
    },
    {
      name: 'a sequence number that sorts after timestamps by name',
      files: { '20240101000000_a.sql': '', '99_b.sql': '' },
      findings: [{ file: '20240101000000_a.sql', line: 1, related: [{ file: '99_b.sql', line: 1 }] }],
    },
  ],
});
