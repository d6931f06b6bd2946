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
  ],
});
