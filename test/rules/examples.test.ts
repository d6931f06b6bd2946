/** The example folders as a new user runs them: every rule with its default settings. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { analyze } from '../../src/analyze.js';
import { resolveRules } from '../../src/effective-rules.js';
import { runRules } from '../../src/lint/engine.js';

const root = path.resolve(import.meta.dirname, '../..');

async function lint(folder: string) {
  const analysis = await analyze(folder, { cwd: root });
  return runRules(analysis, resolveRules(RULES, {}, null)).findings.map((finding) => ({
    ruleId: finding.ruleId,
    at: `${path.basename(finding.file)}:${finding.line}`,
  }));
}

/** Findings as `rule file:line`, the file relative to the example folder (Prisma's are all migration.sql). */
async function lintInside(folder: string): Promise<string[]> {
  const analysis = await analyze(folder, { cwd: root });
  return runRules(analysis, resolveRules(RULES, {}, null)).findings.map(
    (finding) => `${finding.ruleId} ${path.relative(path.join(root, folder), path.join(root, finding.file)).split(path.sep).join('/')}:${finding.line}`,
  );
}

describe('examples', () => {
  it('no rule fires on examples/clean', async () => {
    expect(await lint('examples/clean')).toEqual([]);
  });

  it('examples/supabase-app shows the security rules where its README says', async () => {
    const security = new Set([
      'rls-disabled-in-public',
      'rls-missing-write-policy',
      'rls-policy-always-true',
      'multiple-permissive-policies',
      'auth-rls-initplan',
      'function-search-path',
      'security-definer-view',
    ]);
    const findings = (await lint('examples/supabase-app/supabase/migrations')).filter((finding) => security.has(finding.ruleId));
    expect(findings).toEqual([
      { ruleId: 'auth-rls-initplan', at: '20240115093000_create_profiles.sql:26' },
      { ruleId: 'auth-rls-initplan', at: '20240115093000_create_profiles.sql:30' },
      { ruleId: 'function-search-path', at: '20240115094500_handle_new_user.sql:7' },
      { ruleId: 'rls-missing-write-policy', at: '20240118110000_create_organizations.sql:45' },
      { ruleId: 'rls-missing-write-policy', at: '20240122140000_create_projects_and_tasks.sql:27' },
      { ruleId: 'rls-disabled-in-public', at: '20240125100000_create_audit_events.sql:4' },
      { ruleId: 'auth-rls-initplan', at: '20240201090000_avatars_storage.sql:16' },
      { ruleId: 'auth-rls-initplan', at: '20240201090000_avatars_storage.sql:21' },
      { ruleId: 'auth-rls-initplan', at: '20240201090000_avatars_storage.sql:26' },
      { ruleId: 'multiple-permissive-policies', at: '20240205160000_create_invitations.sql:32' },
      { ruleId: 'auth-rls-initplan', at: '20240205160000_create_invitations.sql:34' },
      { ruleId: 'rls-policy-always-true', at: '20240205160000_create_invitations.sql:43' },
      { ruleId: 'security-definer-view', at: '20240220150000_org_member_counts_view.sql:3' },
      { ruleId: 'multiple-permissive-policies', at: '20240301120000_fix.sql:6' },
      { ruleId: 'rls-disabled-in-public', at: '20240506100000_create_project_labels.sql:3' },
    ]);
  });

  it('examples/prisma: two folders with one timestamp both apply (no version collision); a script beside them is never applied', async () => {
    expect(await lintInside('examples/prisma')).toEqual([
      'unindexed-foreign-key 20240215093000_add_posts/migration.sql:11',
      'unindexed-foreign-key 20240215093000_add_posts/migration.sql:14',
      'unplaced-file scripts/backfill_names.sql:1',
    ]);
  });

  it('examples/drizzle: the journal gives the order; a file it does not list is never applied', async () => {
    expect(await lintInside('examples/drizzle')).toEqual(['adding-required-column 0002_swift_falcon.sql:3', 'unplaced-file 0003_tired_wolf.sql:1']);
  });

  it('examples/sqitch: the plan gives the order of deploy/; revert and verify scripts are not replayed', async () => {
    expect(await lintInside('examples/sqitch')).toEqual([
      'unindexed-foreign-key deploy/flips.sql:9',
      'function-search-path deploy/insert_user.sql:10',
      'unplaced-file deploy/flips_archive.sql:1',
    ]);
  });

  it('examples/graphile-migrate: committed files in order after afterReset.sql; a file edited after commit breaks the hash chain', async () => {
    expect(await lintInside('examples/graphile-migrate/migrations')).toEqual([
      'unindexed-foreign-key committed/000002.sql:6',
      'runner-file-mismatch committed/000003-post-titles.sql:2',
    ]);
  });

  it('examples/supabase-numbered: the Supabase preset from what the files use, with no configuration', async () => {
    expect(await lintInside('examples/supabase-numbered')).toEqual([
      'unindexed-foreign-key 002_notes.sql:3',
      'rls-missing-write-policy 002_notes.sql:7',
      'auth-rls-initplan 002_notes.sql:12',
    ]);
  });

  it('examples/edited-after-sum: a recorded file edited afterwards, and a file added without updating miglint.sum', async () => {
    expect(await lint('examples/edited-after-sum')).toEqual([
      { ruleId: 'migration-edited', at: '002_add_account_names.sql:1' },
      { ruleId: 'sum-out-of-date', at: '003_create_sessions.sql:1' },
    ]);
  });

  it('together, the example folders show every rule that is on by default', async () => {
    const folders = [
      'seed-audit',
      'supabase-app/supabase/migrations',
      'golang-migrate',
      'golang-migrate-mixed-versions',
      'golang-migrate-sort-order',
      'flyway',
      'diesel',
      'clean',
      'prisma',
      'drizzle',
      'sqitch',
      'graphile-migrate/migrations',
      'supabase-numbered',
      'edited-after-sum',
    ];
    const shown = new Set<string>();
    for (const folder of folders) for (const finding of await lint(`examples/${folder}`)) shown.add(finding.ruleId);
    const defaults = RULES.filter((rule) => rule.enabledByDefault !== false).map((rule) => rule.id);
    expect(defaults.filter((id) => !shown.has(id))).toEqual([]);
  });
});
