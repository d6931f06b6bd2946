import rule from '../../rules/patch-chain.js';
import { ruleTester } from '../support/rule-tester.js';

/** A table created in 001 and altered once in each of `count` later files. */
function chainOf(count: number): Record<string, string> {
  const files: Record<string, string> = { '001_create.sql': '-- conversations\nCREATE TABLE conversations (id uuid PRIMARY KEY);' };
  for (let i = 1; i <= count; i++) {
    files[`${String(i + 1).padStart(3, '0')}_fix_${i}.sql`] = `ALTER TABLE conversations ADD COLUMN c${i} text;`;
  }
  return files;
}

ruleTester(rule, {
  valid: [
    {
      name: 'altered by two other files (under the default threshold of 3)',
      files: chainOf(2),
    },
    {
      name: 'many alterations in the file that creates the table, and one later file',
      files: {
        '001_a.sql':
          'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a text;\nALTER TABLE t ADD COLUMN b text;\nALTER TABLE t ADD COLUMN c text;',
        '002_b.sql': 'ALTER TABLE t ADD COLUMN d text;\nALTER TABLE t ADD COLUMN e text;\nALTER TABLE t ADD COLUMN f text;',
      },
    },
    {
      name: 'indexes and data in other files are not patches',
      files: {
        '001_a.sql': 'CREATE TABLE t (id int, a text);',
        '002_b.sql': 'CREATE INDEX t_a ON t (a);',
        '003_c.sql': "INSERT INTO t VALUES (1, 'x');",
        '004_d.sql': 'CREATE INDEX t_id ON t (id);',
      },
    },
    {
      name: 'threshold 5: four other files are not a chain',
      options: { threshold: 5 },
      files: chainOf(4),
    },
  ],
  invalid: [
    {
      name: 'altered by three other files, listed in runner order',
      files: chainOf(3),
      findings: [
        {
          file: '001_create.sql',
          line: 2,
          column: 1,
          message: 'Table "conversations" is created here and then patched by 3 other files: 002_fix_1.sql, 003_fix_2.sql and 004_fix_3.sql.',
          related: [
            { file: '002_fix_1.sql', line: 1 },
            { file: '003_fix_2.sql', line: 1 },
            { file: '004_fix_3.sql', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'threshold 5: five other files are a chain',
      options: { threshold: 5 },
      files: chainOf(5),
      findings: [{ file: '001_create.sql', line: 2, message: 'patched by 5 other files' }],
    },
    {
      name: 'the seed audit: openphone_conversations over many files, one finding per table, first line of each file',
      files: {
        '011_openphone_sop_system.sql': 'CREATE TABLE openphone_conversations (id uuid PRIMARY KEY);\nCREATE TABLE other (id int);',
        '012_add_openphone_missing_columns.sql':
          '\nALTER TABLE openphone_conversations ADD COLUMN phone text;\nALTER TABLE openphone_conversations ADD COLUMN body text;',
        '018_add_updated_at_to_openphone.sql': 'ALTER TABLE openphone_conversations ADD COLUMN updated_at timestamptz;',
        '020_fix_missing_columns.sql': '\n\nALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS phone text;',
        '023_ensure_openphone_columns.sql': 'ALTER TABLE public.openphone_conversations ALTER COLUMN body SET NOT NULL;',
        '025_rename.sql': 'ALTER TABLE openphone_conversations RENAME COLUMN body TO message_body;',
      },
      findings: [
        {
          file: '011_openphone_sop_system.sql',
          line: 1,
          message: 'patched by 5 other files: 012_add_openphone_missing_columns.sql, 018_add_updated_at_to_openphone.sql, 020_fix_missing_columns.sql, 023_ensure_openphone_columns.sql and 025_rename.sql.',
          related: [
            { file: '012_add_openphone_missing_columns.sql', line: 2 },
            { file: '018_add_updated_at_to_openphone.sql', line: 1 },
            { file: '020_fix_missing_columns.sql', line: 3 },
            { file: '023_ensure_openphone_columns.sql', line: 1 },
            { file: '025_rename.sql', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'the chain follows a renamed table',
      files: {
        '001_a.sql': 'CREATE TABLE old_name (id int);',
        '002_b.sql': 'ALTER TABLE old_name RENAME TO new_name;',
        '003_c.sql': 'ALTER TABLE new_name ADD COLUMN a text;',
        '004_d.sql': 'ALTER TABLE new_name ADD COLUMN b text;',
      },
      findings: [{ file: '001_a.sql', line: 1, message: 'Table "old_name" is created here and then patched by 3 other files' }],
    },
  ],
});
