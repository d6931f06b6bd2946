/**
 * The command line's entry: I/O policy (what goes to stdout, stderr, exit codes). Bad input
 * ends in a message and exit code 2, never a stack trace. Start-up is paid per command:
 * `--version` loads nothing more than this module, the rest loads the commands' definitions
 * (yargs, src/cli-commands.ts), and each command's own module loads only when it runs: `lint`
 * must not pay for PGlite or the baseline.
 */
import type { Output } from './output.js';
import { EXIT } from './commands/exit-codes.js';
import { UsageError } from './errors.js';
import { packageInfo } from './package-info.js';

export type { Output } from './output.js';

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** `miglint --version` alone, answered as yargs would answer it, without loading yargs (a third of the start-up). */
function isVersionAlone(argv: string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v');
}

export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  if (isVersionAlone(argv)) {
    output.stdout(`${packageInfo().version}\n`);
    return EXIT.ok;
  }
  try {
    const { runCommand } = await import('./cli-commands.js');
    return await runCommand(argv, output);
  } catch (error) {
    if (error instanceof UsageError || (error as Error).name === 'YError') {
      output.stderr(`miglint: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    output.stderr(`miglint: internal error: ${(error as Error).message}\nPlease report this with the command you ran.\n`);
    return EXIT.usage;
  }
}
