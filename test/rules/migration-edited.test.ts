import rule from '../../rules/migration-edited.js';
import { sumText } from '../../src/sum.js';
import { ruleTester } from '../support/rule-tester.js';

const A = 'CREATE TABLE a (id int PRIMARY KEY);\n';
const B = 'CREATE TABLE b (id int PRIMARY KEY);\n';
const C = 'CREATE TABLE c (id int PRIMARY KEY);\n';
const recorded = sumText([
  { name: '001_a.sql', source: A },
  { name: '002_b.sql', source: B },
  { name: '003_c.sql', source: C },
]);

ruleTester(rule, {
  valid: [
    { name: 'no miglint.sum: the rule says nothing', files: { '001_a.sql': A + '-- edited\n', '002_b.sql': B } },
    { name: 'every file as recorded', files: { 'miglint.sum': recorded, '001_a.sql': A, '002_b.sql': B, '003_c.sql': C } },
    { name: 'files added or removed are sum-out-of-date\'s', files: { 'miglint.sum': recorded, '001_a.sql': A, '003_c.sql': C, '004_d.sql': C } },
  ],
  invalid: [
    {
      name: 'an edited file is reported alone, not every file after it',
      files: { 'miglint.sum': recorded, '001_a.sql': A, '002_b.sql': B.replace('int', 'bigint'), '003_c.sql': C },
      findings: [{ file: '002_b.sql', line: 1, column: 1, message: 'changed after miglint.sum recorded it', related: [{ file: 'miglint.sum', line: 3 }] }],
    },
    {
      name: 'a comment counts: the bytes a runner hashes changed',
      files: { 'miglint.sum': recorded, '001_a.sql': `-- note\n${A}`, '002_b.sql': B, '003_c.sql': C.replace('c (', 'c  (') },
      findings: [
        { file: '001_a.sql', line: 1, related: [{ file: 'miglint.sum', line: 2 }] },
        { file: '003_c.sql', line: 1, related: [{ file: 'miglint.sum', line: 4 }] },
      ],
    },
  ],
});
