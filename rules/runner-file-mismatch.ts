import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'runner-file-mismatch',
  category: 'history',
  severity: 'error',
  description: "The runner's own order or integrity file disagrees with the folder: a drizzle journal or sqitch plan entry without its file, a broken graphile-migrate hash chain.",
  docs: {
    why: 'drizzle-kit, sqitch and graphile-migrate trust their own bookkeeping, not the folder listing: a journal or plan entry whose file is missing stops the deploy there, and graphile-migrate refuses a committed migration whose hash or previous-hash header does not match (someone edited it after it was committed).',
    fix: 'Restore the missing file or remove its entry; for graphile-migrate, undo the edit to the committed file (or mark it `--! AllowInvalidHash` if the edit is deliberate and already applied everywhere).',
    bad: '--! Previous: -\n--! Hash: sha1:0000...   (the body was edited after commit)\n\ncreate table posts (id int);',
    good: '--! Previous: -\n--! Hash: sha1:<the hash graphile-migrate commit wrote>\n\ncreate table posts (id int);',
  },
  check({ runnerIssues }) {
    return runnerIssues.map((issue) => ({ message: issue.message, file: issue.path, line: issue.line, column: 1 }));
  },
});
