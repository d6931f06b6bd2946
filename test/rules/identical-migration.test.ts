import rule from '../../rules/identical-migration.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'similar files with one difference',
      files: {
        '001_a.sql': 'CREATE TABLE a (id int);',
        '002_b.sql': 'CREATE TABLE b (id int);',
      },
    },
    {
      name: 'placeholders that change nothing (Lemmy re-runs its replaceable schema with SELECT 1)',
      files: { '001_a.sql': 'SELECT 1;', '002_b.sql': '-- again\nSELECT\n  1;', '003_c.sql': 'BEGIN;\nSET lock_timeout = 1000;\nCOMMIT;', '004_d.sql': 'BEGIN; SET lock_timeout = 1000; COMMIT;' },
    },
    {
      name: 'empty files are another rule\'s business',
      files: { '001_a.sql': '-- nothing', '002_b.sql': '-- nothing' },
    },
  ],
  invalid: [
    {
      name: 'a copy under a new name, reformatted and commented',
      files: {
        '028_stories_meeting_ref.sql': 'ALTER TABLE stories ADD COLUMN meeting_id uuid;',
        '20260401028000_stories_meeting_ref.sql': '-- copied\n\nalter table   stories\n  add column meeting_id UUID; -- ref',
        '027_stories.sql': 'CREATE TABLE stories (id int);',
      },
      layout: 'numbered',
      findings: [{ file: '20260401028000_stories_meeting_ref.sql', line: 3, message: 'same statements as 028_stories_meeting_ref.sql', related: [{ file: '028_stories_meeting_ref.sql', line: 1 }] }],
    },
  ],
});
