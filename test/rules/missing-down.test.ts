import rule from '../../rules/missing-down.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'pairs matched by version, even with different names per direction',
      files: {
        '1_a.up.sql': 'SELECT 1;',
        '1_a.down.sql': 'SELECT 1;',
        '30_add_magic_metadata.up.sql': 'SELECT 1;',
        '30_drop_magic_metadata.down.sql': 'SELECT 1;',
      },
    },
    { name: 'numbered layouts have no down files', files: { '001_a.sql': 'SELECT 1;' } },
  ],
  invalid: [
    {
      name: 'golang-migrate up without down',
      files: { '000003_a.up.sql': 'SELECT 1;', '000003_a.down.sql': 'SELECT 1;', '000004_add_users_last_login.up.sql': 'SELECT 1;' },
      findings: [{ file: '000004_add_users_last_login.up.sql', line: 1, message: 'has no down migration' }],
    },
    {
      name: 'diesel folder with only up.sql',
      files: {
        '2023-01-01-000000_create_posts/up.sql': 'SELECT 1;',
        '2023-01-01-000000_create_posts/down.sql': 'SELECT 1;',
        '2023-01-15-103000_create_comments/up.sql': 'SELECT 1;',
      },
      findings: [{ file: '2023-01-15-103000_create_comments/up.sql', line: 1, message: '"2023-01-15-103000_create_comments/up.sql" has no down migration' }],
    },
    {
      name: 'dbmate file without a down section',
      files: {
        '20240101000000_a.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;',
        '20240102000000_b.sql': '-- migrate:up\nSELECT 1;',
      },
      findings: [{ file: '20240102000000_b.sql', line: 1, message: 'has no down section' }],
    },
  ],
});
