import rule from '../../rules/non-descriptive-name.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'names that say what changes; the conventional first migration',
      files: {
        '0001_init.sql': 'SELECT 1;',
        '0002_fix_ticket_comments_index.sql': 'SELECT 1;',
        '0003_add_updated_at_to_openphone.sql': 'SELECT 1;',
      },
    },
  ],
  invalid: [
    {
      name: 'generic words only',
      files: {
        '020_fix_missing_columns.sql': 'SELECT 1;',
        '021_emergency_fix.sql': 'SELECT 1;',
        '022_update-v2.sql': 'SELECT 1;',
        '023_FinalFix.sql': 'SELECT 1;',
        '024_add_users.sql': 'SELECT 1;',
      },
      findings: [
        { file: '020_fix_missing_columns.sql', line: 1, column: 1, message: '("fix_missing_columns")' },
        { file: '021_emergency_fix.sql', line: 1 },
        { file: '022_update-v2.sql', line: 1 },
        { file: '023_FinalFix.sql', line: 1 },
      ],
    },
    {
      name: 'the word list is an option',
      files: { '001_cleanup.sql': 'SELECT 1;', '002_fix.sql': 'SELECT 1;' },
      options: { words: ['cleanup'] },
      findings: [{ file: '001_cleanup.sql', line: 1 }],
    },
  ],
});
