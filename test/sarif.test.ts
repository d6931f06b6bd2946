/**
 * SARIF through the built CLI: valid against the SARIF 2.1.0 schema, with everything GitHub code
 * scanning reads (rule help, version, fingerprints, repository-relative URIs, linked related places).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { gitInit, miglint, ROOT, SLOW } from './support/run-cli.js';

const require = createRequire(import.meta.url);
const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

function schemaErrors(log: unknown): string[] {
  const ajv = new AjvModule.default({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'file:///'));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(SCHEMA);
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** What GitHub's code scanning upload reads or warns about when it is missing. */
function codeScanningProblems(log: Log): string[] {
  const problems: string[] = [];
  for (const run of log.runs) {
    const driver = run.tool.driver;
    if (!driver.name) problems.push('tool.driver.name');
    if (!driver.version) problems.push('tool.driver.version');
    for (const rule of driver.rules ?? []) {
      if (!rule.shortDescription?.text) problems.push(`${rule.id}: shortDescription`);
      if (!rule.fullDescription?.text) problems.push(`${rule.id}: fullDescription`);
      if (!rule.help?.text || !rule.help.markdown) problems.push(`${rule.id}: help`);
      if (!rule.properties?.tags?.length) problems.push(`${rule.id}: properties.tags`);
    }
    for (const result of run.results ?? []) {
      if (!result.ruleId || !result.message.text) problems.push('result: ruleId or message.text');
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push('result: partialFingerprints');
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const uri = location.physicalLocation?.artifactLocation?.uri ?? '';
        if (!uri || uri.startsWith('/') || uri.includes(':')) problems.push(`result: uri "${uri}" is not relative`);
        if (!location.physicalLocation?.region?.startLine) problems.push('result: region.startLine');
      }
      const linked = [...(result.message.text ?? '').matchAll(/\]\((\d+)\)/g)].map((match) => Number(match[1]));
      const ids = (result.relatedLocations ?? []).map((location) => location.id);
      if (linked.join() !== ids.join()) problems.push(`result: message links ${linked.join()} but related ids ${ids.join()}`);
    }
  }
  return problems;
}

describe('sarif', () => {
  let repo: string;
  beforeAll(() => {
    repo = writeFolder({
      'db/migrations/001_a.sql': 'CREATE TABLE a (id int);\n',
      'db/migrations/002_b.sql': '-- again\nCREATE TABLE a (id int);\n',
    });
    gitInit(repo);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const sarifOf = async (cwd: string, dir: string): Promise<Log> => {
    const run = await miglint(cwd, ['lint', dir, '-f', 'sarif']);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    return JSON.parse(run.stdout) as Log;
  };

  it('validates against the SARIF 2.1.0 schema with nothing code scanning misses', SLOW, async () => {
    const log = await sarifOf(path.join(repo, 'db'), 'migrations');
    expect(schemaErrors(log)).toEqual([]);
    expect(codeScanningProblems(log)).toEqual([]);
    // The schema check itself can fail: a result without a message is rejected.
    expect(schemaErrors({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x' }] }] })).not.toEqual([]);
  });

  it('names the tool version and documents each rule with its docs page', SLOW, async () => {
    const log = await sarifOf(repo, 'db/migrations');
    const driver = log.runs[0]!.tool.driver;
    expect(driver.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const rule = driver.rules!.find((candidate) => candidate.id === 'duplicate-create-table')!;
    expect(rule.fullDescription!.text).toMatch(/\w/);
    expect(rule.help!.markdown).toContain('## How to fix');
    expect(rule.help!.markdown).toBe(readFileSync(path.join(ROOT, 'docs/rules/duplicate-create-table.md'), 'utf8').replace(/^[\s\S]*?# duplicate-create-table\n\n/, ''));
  });

  it('gives URIs relative to the repository root, whatever the working directory', SLOW, async () => {
    for (const [cwd, dir] of [
      [repo, 'db/migrations'],
      [path.join(repo, 'db'), 'migrations'],
      [path.join(repo, 'db', 'migrations'), '.'],
    ] as const) {
      const log = await sarifOf(cwd, dir);
      const run = log.runs[0]!;
      expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${repo}/`);
      const uris = run.results!.map((result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri);
      expect(uris).toContain('db/migrations/002_b.sql');
      expect(uris.every((uri) => uri!.startsWith('db/migrations/'))).toBe(true);
    }
  });

  it('links the related places from the message', SLOW, async () => {
    const log = await sarifOf(repo, 'db/migrations');
    const duplicate = log.runs[0]!.results!.find((result) => result.ruleId === 'duplicate-create-table')!;
    expect(duplicate.message.text).toMatch(/ See \[[^\]]+\]\(1\)\.$/);
    expect(duplicate.relatedLocations).toEqual([
      expect.objectContaining({ id: 1, physicalLocation: { artifactLocation: { uri: 'db/migrations/001_a.sql', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }),
    ]);
  });

  it('keeps fingerprints when lines move, and changes them when the statement changes', SLOW, async () => {
    const folder = writeFolder({ 'migrations/001_a.sql': 'CREATE TABLE a (id int);\n', 'migrations/002_b.sql': 'CREATE TABLE b (id int);\n' });
    try {
      const prints = async () => {
        const log = await sarifOf(folder, 'migrations');
        return log.runs[0]!.results!.map((result: Result) => ({
          line: result.locations![0]!.physicalLocation!.region!.startLine,
          print: result.partialFingerprints!['miglint/statement/v1'],
        }));
      };
      const before = await prints();
      writeFileSync(path.join(folder, 'migrations/001_a.sql'), '-- moved\n\n\ncreate table a (\n  id int\n);\n');
      const after = await prints();
      expect(after.map((r) => r.line)).toEqual([4, 1]);
      expect(before.map((r) => r.line)).toEqual([1, 1]);
      expect(after.map((r) => r.print)).toEqual(before.map((r) => r.print));
      expect(new Set(before.map((r) => r.print)).size).toBe(2);
      writeFileSync(path.join(folder, 'migrations/001_a.sql'), 'CREATE TABLE a (id bigint);\n');
      expect((await prints())[0]!.print).not.toBe(before[0]!.print);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
