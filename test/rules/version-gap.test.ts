import rule from '../../rules/version-gap.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'consecutive numbers', files: { '001_a.sql': 'SELECT 1;', '002_b.sql': 'SELECT 1;', '003_c.sql': 'SELECT 1;' } },
    { name: 'timestamps are not meant to be consecutive', files: { '20240101000000_a.sql': 'SELECT 1;', '20240301000000_b.sql': 'SELECT 1;' } },
  ],
  invalid: [
    {
      name: 'the seed audit: no 022',
      files: { '021_a.sql': 'SELECT 1;', '023_b.sql': 'SELECT 1;', '027_c.sql': 'SELECT 1;' },
      findings: [
        { file: '023_b.sql', line: 1, message: 'Version 22 is missing between 021_a.sql and 023_b.sql', related: [{ file: '021_a.sql', line: 1 }] },
        { file: '027_c.sql', line: 1, message: 'Versions 24 to 26 are missing' },
      ],
    },
  ],
});
