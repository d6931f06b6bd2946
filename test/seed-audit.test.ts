/**
 * examples/seed-audit reproduces the hand-written migration audit in
 * shared/seeds/002_*.txt. Every finding of that audit must come out of `miglint lint`.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { analyze } from '../src/analyze.js';
import { resolveRules } from '../src/effective-rules.js';
import { runRules } from '../src/lint/engine.js';
import type { Finding } from '../src/rule.js';

const root = path.resolve(import.meta.dirname, '..');
let findings: Finding[] = [];

beforeAll(async () => {
  const analysis = await analyze('examples/seed-audit', { cwd: root });
  findings = runRules(analysis, resolveRules(RULES, {}, null)).findings;
});

const of = (ruleId: string) =>
  findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${path.basename(finding.file)}:${finding.line}`);

describe('the seed migration audit, found from the folder alone', () => {
  it('1. checklist_submissions is defined in 005 and again in 008', () => {
    expect(of('duplicate-create-table')).toEqual(['008_checklist_submissions.sql:5']);
    const finding = findings.find((f) => f.ruleId === 'duplicate-create-table')!;
    expect(finding.related.map((r) => path.basename(r.file))).toEqual(['005_checklist_submissions.sql']);
  });

  it('1. tickets is patched by 021, 026 and 027; openphone_conversations takes 8 files', () => {
    const chains = findings.filter((f) => f.ruleId === 'patch-chain');
    const tickets = chains.find((f) => f.message.includes('"tickets"'))!;
    expect(tickets.related.map((r) => path.basename(r.file))).toEqual([
      '021_fix_tickets_table_column_names.sql',
      '026_fix_ticket_comments_index.sql',
      '027_fix_ticket_columns_and_indexes.sql',
    ]);
    const openphone = chains.find((f) => f.message.includes('"openphone_conversations"'))!;
    expect(path.basename(openphone.file)).toBe('011_openphone_sop_system.sql');
    expect(openphone.related.map((r) => path.basename(r.file).slice(0, 3))).toEqual(['012', '017', '018', '020', '023', '024', '025']);
  });

  it('2. generic names such as fix_missing_columns', () => {
    expect(of('non-descriptive-name')).toContain('020_fix_missing_columns.sql:1');
  });

  it('3. no migration creates users or system_config', () => {
    const missing = findings.filter((f) => f.ruleId === 'missing-reference').map((f) => /"(\w+)"/.exec(f.message)?.[1]);
    expect(new Set(missing)).toEqual(new Set(['users', 'system_config']));
  });

  it('4. 021 appears twice and add-document-relationships.sql has no number', () => {
    expect(of('version-collision')).toEqual(['021_fix_tickets_table_column_names.sql:1']);
    expect(of('unversioned-file')).toEqual(['add-document-relationships.sql:1']);
  });
});
