/**
 * The command line: argument parsing and I/O policy (what goes to stdout, stderr, exit
 * codes). Bad input ends in a message and exit code 2, never a stack trace. Each command's
 * module is loaded only when that command runs: `lint` must not pay for PGlite or the baseline.
 */
import yargs, { type Argv } from 'yargs';
import { LAYOUTS, type Layout } from './discover/index.js';
import { UsageError } from './errors.js';
import { FORMAT_NAMES, type FormatName } from './format/index.js';
import { EXIT } from './commands/exit-codes.js';
import { SCHEMA_FORMATS, type SchemaFormat } from './commands/schema-formats.js';
import { PRESETS, type Preset } from './presets.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** The folder argument and the options every command that reads a migrations folder takes. */
function readsFolder<T>(command: Argv<T>) {
  return command
    .positional('dir', { type: 'string', describe: 'Migrations folder (default: supabase/migrations or migrations)' })
    .option('layout', { choices: LAYOUTS, describe: 'File layout (detected when not given)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Path to a miglint.config.json' });
}

export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await yargs(argv)
      .scriptName('miglint')
      .usage('$0 <command> [options]')
      .command(
        ['lint [paths..]', '$0 [paths..]'],
        'Lint a folder of PostgreSQL migrations (or given migration files, each within its whole folder)',
        (command) =>
          readsFolder(command)
            .positional('paths', { type: 'string', array: true, describe: 'A migrations folder, or migration files (only their findings are shown)' })
            .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish' as FormatName, describe: 'Output format' })
            .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
            .option('color', { type: 'boolean', describe: 'Colour the output (default: when stdout is a terminal)' })
            .option('changed', { type: 'boolean', describe: 'Report only findings in files staged in git (the whole folder is still read)' })
            .option('since', { type: 'string', describe: 'Report only findings in files added or changed since this git ref (e.g. main)' }),
        async (args) => {
          if (args.changed && args.since !== undefined) throw new UsageError('--changed and --since cannot be used together: --changed is what is staged, --since what changed since a ref.');
          const [{ lintCommand }, { folderOrFiles }] = await Promise.all([import('./commands/lint.js'), import('./commands/lint-files.js')]);
          exitCode = await lintCommand(
            {
              ...folderOrFiles(args.paths ?? [], process.cwd()),
              format: args.format as FormatName,
              layout: args.layout as Layout | undefined,
              config: args.config,
              maxWarnings: args.maxWarnings,
              color: useColor(args.color),
              changes: args.changed ? { staged: true } : args.since !== undefined ? { since: args.since } : undefined,
            },
            output,
          );
        },
      )
      .command(
        'rules [id]',
        'List every rule with its default severity and description, or print one rule\'s docs page',
        (command) =>
          command
            .positional('id', { type: 'string', describe: 'A rule id: print its page (why, fix, examples, configuration)' })
            .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const }),
        async (args) => {
          const { rulesCommand } = await import('./commands/rules.js');
          exitCode = rulesCommand(args.format, output, args.id);
        },
      )
      .command(
        'schema [dir]',
        'Print the schema the migrations build, with where each part came from',
        (command) =>
          readsFolder(command)
            .option('format', { alias: 'f', choices: SCHEMA_FORMATS, default: 'json' as SchemaFormat, describe: 'json (model with provenance) or sql' }),
        async (args) => {
          const { schemaCommand } = await import('./commands/schema.js');
          exitCode = await schemaCommand({ dir: args.dir, format: args.format as SchemaFormat, layout: args.layout as Layout | undefined, config: args.config }, output);
        },
      )
      .command(
        'baseline [dir]',
        'Write the folder as one consolidated baseline (prints it unless -o or --check)',
        (command) =>
          readsFolder(command)
            .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (default name: 000_baseline_schema.sql in the folder)' })
            .option('check', { type: 'string', describe: 'Exit 1 with a diff when this committed baseline is stale' })
            .option('force', { type: 'boolean', default: false, describe: 'Overwrite a file miglint did not write' })
            .option('include-data', { type: 'boolean', default: false, describe: 'Carry INSERT/UPDATE/DELETE/COPY statements, in order' }),
        async (args) => {
          const { baselineCommand } = await import('./commands/baseline.js');
          exitCode = await baselineCommand(
            {
              dir: args.dir,
              output: args.output,
              check: args.check,
              force: args.force,
              includeData: args.includeData,
              layout: args.layout as Layout | undefined,
              config: args.config,
            },
            output,
          );
        },
      )
      .command(
        'sum [dir]',
        'Write miglint.sum in the folder: a hash per migration, so that edits are found and branches adding migrations conflict',
        (command) => readsFolder(command),
        async (args) => {
          const { sumCommand } = await import('./commands/sum.js');
          exitCode = sumCommand({ dir: args.dir, layout: args.layout as Layout | undefined, config: args.config }, output);
        },
      )
      .command(
        'verify [dir]',
        'Prove the baseline: replay the chain and the baseline into two embedded PostgreSQL databases and compare them',
        (command) =>
          readsFolder(command)
            .option('baseline', { type: 'string', describe: 'A committed baseline to prove (default: the one miglint would write)' })
            .option('preset', { choices: PRESETS, describe: 'What the database holds before the first migration (default: from the layout)' }),
        async (args) => {
          const { verifyCommand } = await import('./commands/verify.js');
          exitCode = await verifyCommand(
            { dir: args.dir, baseline: args.baseline, preset: args.preset as Preset | undefined, layout: args.layout as Layout | undefined, config: args.config },
            output,
          );
        },
      )
      .strict()
      .demandCommand(1)
      .help()
      .version()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
  } catch (error) {
    if (error instanceof UsageError || (error as Error).name === 'YError') {
      output.stderr(`miglint: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    output.stderr(`miglint: internal error: ${(error as Error).message}\nPlease report this with the command you ran.\n`);
    return EXIT.usage;
  }
  return exitCode;
}
