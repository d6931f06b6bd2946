import rule from '../../rules/data-in-migration.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'schema only', files: { '001_a.sql': 'CREATE TABLE a (id int);\nCREATE INDEX ON a (id);' } }],
  invalid: [
    {
      name: 'seed rows and a backfill',
      files: {
        '001_a.sql': "CREATE TABLE templates (name text PRIMARY KEY);\nINSERT INTO templates VALUES ('welcome');",
        '002_b.sql': "UPDATE templates SET name = lower(name);\nDELETE FROM storage.objects WHERE bucket_id = 'x';\nDO $$ BEGIN INSERT INTO templates VALUES ('x'); END $$;",
      },
      findings: [
        { file: '001_a.sql', line: 2, message: 'INSERT on "templates"' },
        { file: '002_b.sql', line: 1, message: 'UPDATE on "templates"' },
        { file: '002_b.sql', line: 2, message: 'DELETE on "storage.objects"' },
        { file: '002_b.sql', line: 3, message: 'INSERT on "templates"' },
      ],
    },
    {
      name: 'a seed file: one finding per statement kind and table, at the first, with the count (exampilot-v2 042_topic_resources.sql)',
      files: {
        '001_a.sql': 'CREATE TABLE topics (id int, description text);\nCREATE TABLE topic_resources (topic_id int, title text);',
        '002_seed.sql': [
          "INSERT INTO topic_resources VALUES (1, 'Laxmikanth');",
          "INSERT INTO topic_resources VALUES (2, 'Spectrum');",
          "UPDATE topics SET description = 'Polity' WHERE id = 1;",
          "INSERT INTO topic_resources VALUES (3, 'NCERT');",
        ].join('\n'),
        '003_more.sql': "INSERT INTO topic_resources VALUES (4, 'Shankar IAS');",
      },
      findings: [
        { file: '002_seed.sql', line: 1, message: 'INSERT on "topic_resources" (3 statements in this file): data in a schema migration.' },
        { file: '002_seed.sql', line: 3, message: 'UPDATE on "topics": data in a schema migration.' },
        { file: '003_more.sql', line: 1, message: 'INSERT on "topic_resources": data in a schema migration.' },
      ],
    },
  ],
});
