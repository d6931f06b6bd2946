/**
 * The GitHub Action's logic (action.yml runs it through scripts/github-action.mjs): lint with
 * annotations on the pull request, append the markdown report to the job summary, and fail the
 * step as `fail-on` says. A run that could not lint (exit 2) always fails.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from './commands/exit-codes.js';
import { MARKDOWN_LINK_BASE_ENV } from './format/markdown.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  dir: string;
  since: string;
  failOn: FailOn;
}

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'miglint.js');

/** The inputs as GitHub passes them to a composite action's step (env INPUT_*). */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = (env.INPUT_FAIL_ON || 'error').trim();
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new Error(`fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  return { dir: (env.INPUT_DIR ?? '').trim(), since: (env.INPUT_SINCE ?? '').trim(), failOn: failOn as FailOn };
}

/** The `miglint lint` arguments for the inputs, without the format. */
export function lintArgs(inputs: ActionInputs): string[] {
  return [
    'lint',
    ...(inputs.dir ? [inputs.dir] : []),
    ...(inputs.since ? ['--since', inputs.since] : []),
    ...(inputs.failOn === 'warning' ? ['--max-warnings', '0'] : []),
  ];
}

export interface ActionIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function runAction(env: NodeJS.ProcessEnv, io: ActionIo, cwd = process.cwd()): number {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    io.stderr(`::error title=miglint::${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const args = lintArgs(inputs);
  const linkBase =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/` : '';
  const run = (format: string) =>
    spawnSync(process.execPath, [BIN, ...args, '--format', format], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...env, [MARKDOWN_LINK_BASE_ENV]: linkBase },
    });

  const annotations = run('github');
  io.stdout(annotations.stdout);
  io.stderr(annotations.stderr);
  const status = annotations.status ?? EXIT.usage;

  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    // The second run is served from the result cache: nothing changed since the first.
    const summary = status === EXIT.usage ? `## miglint\n\n❌ miglint could not lint:\n\n\`\`\`\n${annotations.stderr.trim()}\n\`\`\`\n` : run('markdown').stdout;
    appendFileSync(summaryFile, summary);
  }
  if (status === EXIT.usage) return EXIT.usage;
  return inputs.failOn === 'never' ? EXIT.ok : status;
}
