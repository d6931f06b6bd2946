import { expect, it } from 'vitest';
import rule from '../../rules/unindexed-foreign-key.js';
import { findingsOf, ruleTester } from '../support/rule-tester.js';

it('suggests an index with the names quoted as PostgreSQL needs them', async () => {
  const findings = await findingsOf(rule, {
    name: 'quoted names',
    files: { '001_a.sql': 'CREATE TABLE "User" (id int PRIMARY KEY);\nCREATE TABLE "Post" (id int PRIMARY KEY, "authorId" int REFERENCES "User"(id));' },
  });
  expect(findings.map((finding) => finding.suggestion)).toEqual(['CREATE INDEX ON "Post" ("authorId");']);
});

ruleTester(rule, {
  valid: [
    {
      name: 'indexed by a later index, by the leading columns of a composite key, by a composite index in another order',
      files: {
        '001_a.sql': 'CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE teams (id int PRIMARY KEY);',
        '002_b.sql':
          'CREATE TABLE members (team_id int REFERENCES teams, user_id int REFERENCES users, PRIMARY KEY (team_id, user_id));\nCREATE INDEX ON members (user_id);',
        '003_c.sql': 'CREATE TABLE pairs (a int, b int, FOREIGN KEY (a, b) REFERENCES members (team_id, user_id));\nCREATE INDEX ON pairs (b, a);',
      },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: remote_actions_log.initiated_by; only the second column of a key',
      files: {
        '001_a.sql': 'CREATE TABLE users (id int PRIMARY KEY);',
        '007_b.sql': 'CREATE TABLE remote_actions_log (\n  id int PRIMARY KEY,\n  initiated_by int REFERENCES users(id)\n);',
        '008_c.sql': 'CREATE TABLE likes (post_id int, user_id int REFERENCES users, PRIMARY KEY (post_id, user_id));',
      },
      findings: [
        { file: '007_b.sql', line: 3, column: 20, message: 'Foreign key "remote_actions_log_initiated_by_fkey" on "remote_actions_log" (initiated_by) has no index.' },
        { file: '008_c.sql', line: 1, message: '(user_id)' },
      ],
    },
  ],
});
