/**
 * The package as a user gets it, following the README's "Install" section: `npm pack` in a
 * copy of this repository (so packing's clean build never touches the dist/ other tests run),
 * `npm install --save-dev <tarball>` in a fresh project, then `npx miglint lint` there and the
 * API imported from the installed package. One install serves every assertion.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What `npm pack` needs from the repository: the manifest, the build's inputs, what ships. */
const PACKED_FROM = ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'rules', 'scripts/bundle-cli.mjs'];

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** npm as a user runs it: none of the npm_* settings `npm test` exports to its children. */
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let scratch: string;
let app: string;
let tarball: string;
let tarballEntries: string[];

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'miglint-pack-'));
  const checkout = path.join(scratch, 'miglint');
  for (const entry of PACKED_FROM) cpSync(path.join(ROOT, entry), path.join(checkout, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');

  const packed = await run(checkout, 'npm', ['pack']);
  expect(packed.stderr).not.toContain('npm error');
  expect(packed.status).toBe(0);
  // Only the tarball's name: pre-commit installs the file named by this output.
  expect(packed.stdout).toBe('miglint-0.1.0.tgz\n');
  tarball = path.join(checkout, 'miglint-0.1.0.tgz');
  tarballEntries = (await run(scratch, 'tar', ['-tzf', tarball])).stdout.trim().split('\n').sort();

  app = path.join(scratch, 'my-app');
  cpSync(path.join(ROOT, 'examples', 'seed-audit'), path.join(app, 'supabase', 'migrations'), { recursive: true });
  cpSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'clean', 'migrations'), path.join(app, 'small'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
  const installed = await run(app, 'npm', ['install', '--save-dev', tarball, '--prefer-offline', '--no-audit', '--no-fund']);
  expect(installed.stderr).not.toContain('npm error');
  expect(installed.status).toBe(0);
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.concurrent('the packed and installed package', { timeout: 120_000 }, () => {
  it('holds the built CLI, its types and nothing else: no sources, tests, fixtures, examples or benchmarks', () => {
    const outside = tarballEntries.filter(
      (entry) => !/^package\/(bin\/miglint\.js|dist\/(src|rules)\/.+\.(js|d\.ts)|dist\/cli\/[\w-]+\.js|package\.json|README\.md)$/.test(entry),
    );
    expect(outside).toEqual([]);
    expect(tarballEntries).toContain('package/dist/cli/cli.js');
    expect(tarballEntries).toContain('package/dist/src/cli.js');
    expect(tarballEntries).toContain('package/dist/src/api.d.ts');
    expect(tarballEntries).toContain('package/dist/rules/index.js');
  });

  it('runs `npx miglint lint` in another project: the same findings and exit code as this repository', async () => {
    const installed = await run(app, 'npx', ['miglint', 'lint', 'supabase/migrations', '--format', 'json']);
    expect(installed.stderr).toBe('');
    expect(installed.status).toBe(1);
    const fromRepository = await run(app, process.execPath, [path.join(ROOT, 'bin', 'miglint.js'), 'lint', 'supabase/migrations', '--format', 'json']);
    expect(installed.stdout).toBe(fromRepository.stdout);
    const report = JSON.parse(installed.stdout) as { files: number; findings: { ruleId: string; file: string; line: number }[] };
    expect(report.files).toBe(29);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'duplicate-create-table', file: 'supabase/migrations/008_checklist_submissions.sql', line: 5 }),
    );
  });

  it('finds the migrations folder of the project with no argument, and lints given files within their folder', async () => {
    expect((await run(app, 'npx', ['miglint', 'lint'])).status).toBe(1);
    const file = await run(app, 'npx', ['miglint', 'lint', 'supabase/migrations/008_checklist_submissions.sql', '--format', 'json']);
    const findings = (JSON.parse(file.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.ruleId === 'duplicate-create-table').map((finding) => finding.file)).toEqual([
      'supabase/migrations/008_checklist_submissions.sql',
    ]);
  });

  it('exports the typed API: lint, baseline and verify give what the commands print', async () => {
    const script = `
      import { lint, baseline, verify, UsageError } from 'miglint';
      const report = await lint({ dir: 'supabase/migrations' });
      const { text, dir } = await baseline({ dir: '.' });
      const proof = await verify({ dir: 'small' });
      let usage = null;
      try { await lint({ dir: 'nowhere' }); } catch (error) { usage = error instanceof UsageError ? error.message : String(error); }
      console.log(JSON.stringify({ report, dir, text, proof, usage }));
    `;
    const api = await run(app, process.execPath, ['--input-type=module', '-e', script]);
    expect(api.stderr).toBe('');
    const { report, dir, text, proof, usage } = JSON.parse(api.stdout) as {
      report: Record<string, unknown>;
      dir: string;
      text: string;
      proof: { ok: boolean; differences: unknown[]; statements: { chain: number } };
      usage: string;
    };
    const { exitCode, ruleFailures, ...json } = report;
    expect(exitCode).toBe(1);
    expect(ruleFailures).toEqual([]);
    expect(json).toEqual(JSON.parse((await run(app, 'npx', ['miglint', 'lint', 'supabase/migrations', '--format', 'json'])).stdout));
    expect(dir).toBe(path.join(app, 'supabase', 'migrations'));
    expect(text).toBe((await run(app, 'npx', ['miglint', 'baseline', 'supabase/migrations'])).stdout);
    expect(proof).toMatchObject({ ok: true, differences: [], statements: { chain: 3 } });
    expect(usage).toBe('No such folder: nowhere');
  });

  it('types the API for TypeScript projects (the .d.ts the package points at)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules', 'miglint', 'package.json'), 'utf8')) as { types: string };
    expect(tarballEntries).toContain(`package/${path.posix.normalize(manifest.types)}`);
    writeFileSync(
      path.join(app, 'uses-miglint.ts'),
      [
        "import { lint, type JsonFinding, type LintReport } from 'miglint';",
        "const report: LintReport = await lint({ files: ['supabase/migrations/008_checklist_submissions.sql'] });",
        'const first: JsonFinding | undefined = report.findings[0];',
        'export const line: number = first?.line ?? 0;',
        'export const wrong: string = report.exitCode;',
      ].join('\n'),
    );
    const options = ['--module', 'nodenext', '--target', 'es2022', '--strict', '--noEmit', '--skipLibCheck'];
    const checked = await run(app, process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), ...options, 'uses-miglint.ts']);
    // Exactly the one deliberate mistake: the API's types are found and enforced.
    expect(checked.stdout.trim()).toBe("uses-miglint.ts(5,14): error TS2322: Type 'number' is not assignable to type 'string'.");
  });
});
