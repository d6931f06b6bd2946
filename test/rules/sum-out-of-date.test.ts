import rule from '../../rules/sum-out-of-date.js';
import { sumText } from '../../src/sum.js';
import { ruleTester } from '../support/rule-tester.js';

const A = 'CREATE TABLE a (id int PRIMARY KEY);\n';
const B = 'CREATE TABLE b (id int PRIMARY KEY);\n';
const recorded = sumText([
  { name: '001_a.sql', source: A },
  { name: '002_b.sql', source: B },
]);
const [total, lineA, lineB] = recorded.trimEnd().split('\n');

ruleTester(rule, {
  valid: [
    { name: 'no miglint.sum: the rule says nothing', files: { '001_a.sql': A, '002_b.sql': B } },
    { name: 'the sum is current', files: { 'miglint.sum': recorded, '001_a.sql': A, '002_b.sql': B } },
    { name: 'an edited file is migration-edited\'s', files: { 'miglint.sum': recorded, '001_a.sql': A + '-- x', '002_b.sql': B } },
  ],
  invalid: [
    {
      name: 'a file added without running miglint sum',
      files: { 'miglint.sum': recorded, '001_a.sql': A, '002_b.sql': B, '003_c.sql': 'SELECT 1;' },
      findings: [{ file: '003_c.sql', line: 1, message: 'not recorded in miglint.sum' }],
    },
    {
      name: 'a recorded file removed from the folder',
      files: { 'miglint.sum': recorded, '002_b.sql': B },
      findings: [{ file: 'miglint.sum', line: 2, message: '001_a.sql is recorded here but no longer in the folder' }],
    },
    {
      name: 'a merge conflict in the sum: only the conflict is reported',
      files: {
        'miglint.sum': `<<<<<<< HEAD\n${total}\n=======\nh1:AAAA\n>>>>>>> other\n${lineA}\n${lineB}\n`,
        '001_a.sql': A,
        '002_b.sql': B,
        '003_c.sql': 'SELECT 1;',
      },
      findings: [{ file: 'miglint.sum', line: 1, message: 'git merge conflict' }],
    },
    {
      name: 'the sum edited by hand to drop a line',
      files: { 'miglint.sum': `${total}\n${lineA}\n`, '001_a.sql': A, '002_b.sql': B },
      findings: [
        { file: '002_b.sql', line: 1, message: 'not recorded' },
        { file: 'miglint.sum', line: 1, message: 'edited by hand' },
      ],
    },
    {
      name: 'a line that is not an entry',
      files: { 'miglint.sum': `${total}\n${lineA}\n002_b.sql\n`, '001_a.sql': A, '002_b.sql': B },
      findings: [{ file: 'miglint.sum', line: 3, message: 'is not "<file> h1:<hash>"' }],
    },
  ],
});
