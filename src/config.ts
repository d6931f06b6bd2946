/**
 * `miglint.config.json`, or a `miglint` key in package.json, found from the working directory
 * up. Validated by a schema; every mistake is reported with where it is. Paths in it
 * (`migrationsDir`, `ignore`) are relative to the file's folder, wherever miglint runs from.
 */
import path from 'node:path';
import fg from 'fast-glob';
import { z } from 'zod';
import { LAYOUTS } from './discover/layouts.js';
import { findConfig, type FoundConfig } from './config-file.js';
import { closest } from './did-you-mean.js';
import { UsageError } from './errors.js';
import { PRESETS } from './presets.js';

const SETTING = z.enum(['off', 'info', 'warning', 'error']).meta({ id: 'severity', description: 'off, or the severity findings of the rule are reported at' });
export type RuleSetting = z.infer<typeof SETTING>;

const RULE_ENTRY_ERROR = 'expected "off", "info", "warning" or "error", or [severity, { ...options }]';

/** A rule's entry: a severity, or a severity and the rule's options. */
export function ruleEntry<Options extends z.ZodType>(options: Options) {
  return z.union([SETTING, z.tuple([SETTING]), z.tuple([SETTING, options])], { error: RULE_ENTRY_ERROR });
}

const RULE_ENTRY = ruleEntry(z.record(z.string(), z.unknown()));

export { PRESETS, type Preset } from './presets.js';

/** The configuration's keys; `rules` is checked rule by rule when the rules are resolved. */
export const CONFIG_SHAPE = {
  $schema: z.string().optional().describe('The JSON schema of this file, for editors: ./node_modules/miglint/miglint.schema.json'),
  migrationsDir: z.string().optional().describe("The migrations folder, relative to this file's folder (default: supabase/migrations, migrations or db/migrations)"),
  layout: z.enum(LAYOUTS).optional().describe('How file names carry versions (detected when not given)'),
  preset: z.enum(PRESETS).optional().describe('What the database holds before the first migration (default: from the layout)'),
  rules: z.record(z.string(), RULE_ENTRY).optional().describe('Rule id -> "off" | "info" | "warning" | "error", or [severity, options]'),
  ignore: z.array(z.string()).optional().describe("Globs of .sql files to leave out, relative to this file's folder (e.g. supabase/migrations/archive/**)"),
};

const CONFIG = z.object(CONFIG_SHAPE).strict();

export type Config = z.infer<typeof CONFIG>;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null when none was found. */
  source: string | null;
}

export { CONFIG_FILE } from './config-file.js';

export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const found = findConfig(cwd, explicitPath);
  return found ? validConfig(found, cwd) : { config: {}, source: null };
}

/** A found configuration validated, with its paths as the commands take them. */
export function validConfig(found: FoundConfig, cwd: string): LoadedConfig {
  return { config: resolvePaths(validate(found.value, found.file, found.key), found.file, cwd), source: found.file };
}

/**
 * The configuration with its paths as the commands take them: `migrationsDir` relative to the
 * working directory, `ignore` as absolute globs (fast-glob matches those against full paths).
 */
function resolvePaths(config: Config, file: string, cwd: string): Config {
  const base = path.dirname(file);
  const resolved: Config = { ...config };
  if (config.migrationsDir !== undefined) resolved.migrationsDir = path.relative(cwd, path.resolve(base, config.migrationsDir)) || '.';
  if (config.ignore !== undefined) {
    const root = fg.escapePath(base.split(path.sep).join('/'));
    resolved.ignore = config.ignore.map((pattern) => (path.isAbsolute(pattern) ? pattern : path.posix.join(root, pattern)));
  }
  return resolved;
}

function validate(value: unknown, file: string, key: string | null): Config {
  const result = CONFIG.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const at = [...(key ? [key] : []), ...issue.path.map(String)].join('.');
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const known = Object.keys(CONFIG.shape);
    const message =
      unknownKeys.length > 0
        ? unknownKeys
            .map((unknown) => {
              const suggestion = closest(unknown, known);
              return `unknown key "${unknown}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
            })
            .join('; ')
        : issue.message;
    return `  ${at || '(root)'}: ${message}`;
  });
  throw new UsageError(`${file}: invalid configuration\n${problems.join('\n')}`);
}
