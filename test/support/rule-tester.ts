/**
 * ESLint's RuleTester, for rules that see a whole folder: each case is a small migrations
 * folder (file name -> SQL), and an invalid case lists the exact findings (rule, file, line)
 * the rule must report, in order.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { resolveRules } from '../../src/effective-rules.js';
import type { Layout } from '../../src/discover/index.js';
import { runRules } from '../../src/lint/engine.js';
import type { Preset } from '../../src/presets.js';
import type { Finding, Rule } from '../../src/rule.js';

export interface FolderCase {
  name: string;
  /** Path inside the folder (`/`-separated) to file content. */
  files: Record<string, string>;
  layout?: Layout;
  /** The preset as if configured (detected from the layout and the files when absent). */
  preset?: Preset;
  options?: Record<string, unknown>;
  /** Rules run alongside (with their default severity): their reports claim rejections, and are not compared. */
  alongside?: Rule[];
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column?: number;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  related?: { file: string; line: number }[];
}

export interface InvalidCase extends FolderCase {
  findings: ExpectedFinding[];
}

/** Writes a folder case to a fresh temporary directory and returns its path. */
export function writeFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miglint-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Runs one rule over a folder case; findings' files are relative to the folder. */
export async function findingsOf(rule: Rule, folder: FolderCase): Promise<Finding[]> {
  const dir = writeFolder(folder.files);
  try {
    const analysis = await analyze('.', { cwd: dir, layout: folder.layout, preset: folder.preset });
    const tested = [rule, ...(folder.alongside ?? [])];
    const rules = resolveRules(tested, { rules: { [rule.id]: ['error', folder.options ?? {}] } }, null).map((effective) => ({
      ...effective,
      severity: effective.rule.severity,
    }));
    return runRules(analysis, rules, 'off').findings.filter((finding) => finding.ruleId === rule.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ruleTester(rule: Rule, cases: { valid: FolderCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('documents itself', () => {
      for (const field of ['why', 'fix', 'bad', 'good'] as const) expect(rule.docs[field].length).toBeGreaterThan(10);
      expect(rule.description.length).toBeGreaterThan(10);
    });
    for (const folder of cases.valid) {
      it(`valid: ${folder.name}`, async () => {
        expect(await findingsOf(rule, folder)).toEqual([]);
      });
    }
    for (const folder of cases.invalid) {
      it(`invalid: ${folder.name}`, async () => {
        const findings = await findingsOf(rule, folder);
        expect(findings.map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line }))).toEqual(
          folder.findings.map((f) => ({ ruleId: rule.id, file: f.file, line: f.line })),
        );
        folder.findings.forEach((expected, i) => {
          const actual = findings[i]!;
          if (expected.column !== undefined) expect(actual.column).toBe(expected.column);
          if (typeof expected.message === 'string') expect(actual.message).toContain(expected.message);
          else if (expected.message) expect(actual.message).toMatch(expected.message);
          if (expected.related) {
            expect(actual.related.map((r) => ({ file: r.file, line: r.line }))).toEqual(expected.related);
          }
        });
      });
    }
  });
}
