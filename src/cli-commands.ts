/**
 * The commands, their arguments and options, as yargs parses them and prints their help. Loaded by
 * src/cli.ts for everything but `--version`; each command's own module loads only when it runs.
 */
import { existsSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { LAYOUTS, USUAL_PLACES, type Layout } from './discover/layouts.js';
import { closest } from './did-you-mean.js';
import { UsageError } from './errors.js';
import { FORMAT_NAMES, type FormatName } from './format/index.js';
import { EXIT } from './commands/exit-codes.js';
import { SCHEMA_FORMATS, type SchemaFormat } from './commands/schema-formats.js';
import type { Output } from './output.js';
import { PRESETS, type Preset } from './presets.js';

const COMMANDS = ['lint', 'init', 'rules', 'schema', 'baseline', 'verify'];

/** --color/--no-color, else FORCE_COLOR (0 or false: none), else NO_COLOR, else whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

const DEFAULT_FOLDERS = USUAL_PLACES.join(', ');

/** The folder argument and the options every command that reads a migrations folder takes. */
function readsFolder<T>(command: Argv<T>) {
  return command
    .positional('dir', { type: 'string', describe: `Migrations folder, or a project folder holding one (default: the first of ${DEFAULT_FOLDERS} that exists)` })
    .option('layout', { choices: LAYOUTS, describe: 'File layout (detected when not given)' })
    .option('preset', { choices: PRESETS, describe: 'Platform the migrations run on (detected from the layout and what the migrations use when not given)' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Say which layout and preset were chosen, and why' })
    .option('config', { alias: 'c', type: 'string', describe: 'Path to a miglint.config.json (default: found from here upward)' });
}

/** `miglint lnt`: the default command would take the typo for a folder; say what it is instead. */
function checkCommandWord(argv: string[]): void {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || COMMANDS.includes(first) || existsSync(first)) return;
  const suggestion = closest(first, COMMANDS);
  if (suggestion) throw new UsageError(`Unknown command "${first}". Did you mean "${suggestion}"? (Commands: ${COMMANDS.join(', ')}.)`);
}

const EXIT_CODES_HELP =
  'Exit codes: 0 no errors; 1 findings at error level (a file that does not parse is one) or more warnings than --max-warnings; 2 a usage or configuration error, or miglint could not run.';

/**
 * yargs renders a command's whole help before running it (a tenth of a small folder's lint), only
 * to print it should the command then fail; miglint's failures are thrown (`.fail` below), never
 * printed with the help. `--help` renders it as before.
 */
function skipHelpBeforeRunning(parser: Argv): void {
  const internals = (parser as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } }).getInternalMethods();
  internals.getUsageInstance().cacheHelpMessage = () => {};
}

/** Parses `argv` and runs the command it names; usage errors are thrown (as UsageError or yargs' YError). */
export async function runCommand(argv: string[], output: Output): Promise<number> {
  let exitCode: number = EXIT.ok;
  checkCommandWord(argv);
  const parser = yargs(argv);
  skipHelpBeforeRunning(parser);
  await parser
    .scriptName('miglint')
    .usage('$0 <command> [options]')
    // Options are spelt as documented: no camelCase twins in parsing, help or error messages.
    .parserConfiguration({ 'camel-case-expansion': false })
    .command(
      ['lint [paths..]', '$0 [paths..]'],
      'Lint a folder of PostgreSQL migrations (or given migration files, each within its whole folder)',
      (command) =>
        readsFolder(command)
          .positional('paths', { type: 'string', array: true, describe: 'A migrations folder, or migration files (only their findings are shown)' })
          .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish' as FormatName, describe: 'Output format' })
          .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file (whole or not at all) instead of stdout' })
          .option('quiet', { type: 'boolean', describe: 'Report errors only' })
          .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
          .option('color', { type: 'boolean', describe: 'Colour the output (default: when stdout is a terminal; FORCE_COLOR and NO_COLOR are honoured)' })
          .option('changed', { type: 'boolean', describe: 'Report only findings in files staged in git (the whole folder is still read)' })
          .option('since', { type: 'string', describe: 'Report only findings in files added or changed since this git ref (e.g. main)' })
          .option('suppress-all', { type: 'boolean', describe: 'Accept every current finding: write their counts per file and rule to miglint-suppressions.json' })
          .option('prune-suppressions', { type: 'boolean', describe: 'Drop entries of miglint-suppressions.json that no longer occur' }),
      async (args) => {
        if (args.changed && args.since !== undefined) throw new UsageError('--changed and --since cannot be used together: --changed is what is staged, --since what changed since a ref.');
        if (args['suppress-all'] && args['prune-suppressions']) throw new UsageError('--suppress-all and --prune-suppressions cannot be used together: --suppress-all rewrites the whole file.');
        const [{ lintCommand }, { folderOrFiles }] = await Promise.all([import('./commands/lint.js'), import('./commands/lint-files.js')]);
        exitCode = await lintCommand(
          {
            ...folderOrFiles(args.paths ?? [], process.cwd()),
            format: args.format as FormatName,
            layout: args.layout as Layout | undefined,
            preset: args.preset as Preset | undefined,
            verbose: args.verbose,
            config: args.config,
            maxWarnings: args['max-warnings'],
            color: useColor(args.color),
            changes: args.changed ? { staged: true } : args.since !== undefined ? { since: args.since } : undefined,
            suppressions: args['suppress-all'] ? 'suppress-all' : args['prune-suppressions'] ? 'prune' : 'apply',
            quiet: args.quiet,
            outputFile: args['output-file'],
          },
          output,
        );
      },
    )
    .command(
      'init [dir]',
      'Write a miglint.config.json for this project: its folder, layout and preset, every rule at its default severity',
      (command) =>
        readsFolder(command)
          .option('preset', { choices: PRESETS, describe: 'What the database holds before the first migration (default: from the layout)' })
          .option('force', { type: 'boolean', default: false, describe: 'Replace an existing miglint.config.json' }),
      async (args) => {
        const { initCommand } = await import('./commands/init.js');
        exitCode = initCommand({ dir: args.dir, layout: args.layout as Layout | undefined, preset: args.preset as Preset | undefined, force: args.force }, output);
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
        exitCode = await schemaCommand(
          { dir: args.dir, format: args.format as SchemaFormat, layout: args.layout as Layout | undefined, preset: args.preset as Preset | undefined, verbose: args.verbose, config: args.config },
          output,
        );
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
            includeData: args['include-data'],
            layout: args.layout as Layout | undefined,
            preset: args.preset as Preset | undefined,
            verbose: args.verbose,
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
          .option('pg-dump', {
            type: 'boolean',
            default: false,
            describe: 'Also compare pg_dump --schema-only of both databases; a dump difference the catalog comparison does not explain fails verify',
          }),
      async (args) => {
        const { verifyCommand } = await import('./commands/verify.js');
        exitCode = await verifyCommand(
          {
            dir: args.dir,
            baseline: args.baseline,
            preset: args.preset as Preset | undefined,
            verbose: args.verbose,
            layout: args.layout as Layout | undefined,
            config: args.config,
            pgDump: args['pg-dump'],
          },
          output,
        );
      },
    )
    .strict()
    .demandCommand(1)
    .help()
    .alias('help', 'h')
    .version()
    .alias('version', 'v')
    .epilogue(EXIT_CODES_HELP)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .parseAsync();
  return exitCode;
}
