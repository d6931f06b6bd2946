/**
 * Property-based fuzzing of the pipeline with bounded runs (the whole file takes seconds):
 * whatever the bytes, parsing never throws, every position points inside its file, every rule
 * runs without failing, and the JSON output is complete.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { analyze } from '../../src/analyze.js';
import { resolveRules } from '../../src/effective-rules.js';
import { parseMigrationName } from '../../src/discover/filename.js';
import type { MigrationFile } from '../../src/discover/index.js';
import { runRules } from '../../src/lint/engine.js';
import { loadFormatter } from '../../src/format/index.js';
import { loadParser, parseFile } from '../../src/parse/index.js';
import { fileBytes, fileName, migrationText } from './arbitraries.js';

beforeAll(() => loadParser());

/** Fixed seed and bounded runs in `npm test`; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further. */
const seed = Number(process.env.FUZZ_SEED ?? 20261122);
const runs = (count: number) => count * Number(process.env.FUZZ_RUNS ?? 1);

function fileOf(source: string): MigrationFile {
  return { ...parseMigrationName('001_a.sql'), absolutePath: '/m/001_a.sql', path: 'm/001_a.sql', name: '001_a.sql', source, readError: null, replayed: true, order: 0, transactionMode: 'statements' };
}

const lineCount = (text: string) => text.split('\n').length;

describe('fuzz: parseFile', () => {
  it('never throws, and every statement and problem lies inside the file', () => {
    fc.assert(
      fc.property(migrationText, (text) => {
        const source = text.replace(/^\uFEFF/, '');
        const parsed = parseFile(fileOf(source));
        const lines = lineCount(source);
        for (const statement of parsed.statements) {
          expect(statement.text).toBe(source.slice(statement.start, statement.end));
          expect(statement.line).toBeGreaterThanOrEqual(1);
          expect(statement.line).toBeLessThanOrEqual(lines);
          expect(statement.column).toBeGreaterThanOrEqual(1);
        }
        for (const problem of parsed.problems) {
          expect(problem.message.length).toBeGreaterThan(0);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
          expect(problem.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: runs(200), seed },
    );
  });
});

describe('fuzz: folders through discover, parse, replay, rules and the JSON format', () => {
  it('every rule runs, every finding points at a line of a file in the folder, the JSON is whole', async () => {
    const folder = fc.uniqueArray(fc.tuple(fileName, fileBytes), { minLength: 1, maxLength: 4, selector: ([name]) => name.toLowerCase() });
    const rules = resolveRules(RULES, {}, null);
    await fc.assert(
      fc.asyncProperty(folder, async (files) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'miglint-fuzz-'));
        try {
          const lines = new Map<string, number>();
          for (const [name, bytes] of files) {
            writeFileSync(path.join(dir, name), bytes);
            lines.set(name, lineCount(Buffer.from(bytes).toString('latin1')));
          }
          const analysis = await analyze('.', { cwd: dir, cache: false });
          const result = runRules(analysis, rules);
          expect(result.ruleFailures).toEqual([]);
          for (const finding of [...result.findings, ...result.findings.flatMap((f) => f.related)]) {
            expect(lines.has(finding.file), `${finding.file} is in the folder`).toBe(true);
            expect(finding.line).toBeGreaterThanOrEqual(1);
            expect(finding.line).toBeLessThanOrEqual(lines.get(finding.file)!);
          }
          const json = JSON.parse((await loadFormatter('json'))(result, { color: false })) as { findings: unknown[] };
          expect(json.findings.length).toBe(result.findings.length);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: runs(60), seed },
    );
  });
});
