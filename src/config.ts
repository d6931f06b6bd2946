/**
 * `miglint.config.json`, or a `miglint` key in package.json, found from the working directory
 * up. Validated by a schema; every mistake is reported with where it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LAYOUTS } from './discover/index.js';
import { UsageError } from './errors.js';
import { PRESETS } from './presets.js';
import type { Rule, Severity } from './rule.js';

const SETTING = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSetting = z.infer<typeof SETTING>;

const RULE_ENTRY = z.union([SETTING, z.tuple([SETTING]), z.tuple([SETTING, z.record(z.string(), z.unknown())])], {
  error: 'expected "off", "info", "warning" or "error", or [severity, { ...options }]',
});

export { PRESETS, type Preset } from './presets.js';

const CONFIG = z
  .object({
    $schema: z.string().optional(),
    migrationsDir: z.string().optional(),
    layout: z.enum(LAYOUTS).optional(),
    preset: z.enum(PRESETS).optional(),
    rules: z.record(z.string(), RULE_ENTRY).optional(),
    ignore: z.array(z.string()).optional(),
  })
  .strict();

export type Config = z.infer<typeof CONFIG>;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null when none was found. */
  source: string | null;
}

export const CONFIG_FILE = 'miglint.config.json';

export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  if (explicitPath) {
    const file = path.resolve(cwd, explicitPath);
    if (!existsSync(file)) throw new UsageError(`Config file not found: ${explicitPath}`);
    return { config: validate(readJson(file), file, null), source: file };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE);
    if (existsSync(file)) return { config: validate(readJson(file), file, null), source: file };
    const packageFile = path.join(dir, 'package.json');
    if (existsSync(packageFile)) {
      const manifest = readJson(packageFile) as Record<string, unknown> | null;
      if (manifest && typeof manifest === 'object' && 'miglint' in manifest) {
        return { config: validate(manifest.miglint, packageFile, 'miglint'), source: packageFile };
      }
    }
    if (path.dirname(dir) === dir) return { config: {}, source: null };
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
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

export interface EffectiveRule {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

/** The rules that run, with their severity and validated options; unknown ids are errors. */
export function resolveRules(rules: Rule[], config: Config, configSource: string | null): EffectiveRule[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const where = configSource ?? 'configuration';
  for (const id of Object.keys(config.rules ?? {})) {
    if (!byId.has(id)) {
      const suggestion = closest(id, [...byId.keys()]);
      throw new UsageError(`${where}: unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    }
  }
  const effective: EffectiveRule[] = [];
  for (const rule of rules) {
    const entry = config.rules?.[rule.id];
    const [setting, rawOptions] = entry === undefined ? [undefined, {}] : typeof entry === 'string' ? [entry, {}] : [entry[0], entry[1] ?? {}];
    const severity: RuleSetting = setting ?? (rule.enabledByDefault === false ? 'off' : rule.severity);
    if (severity === 'off') continue;
    let options: unknown = {};
    if (rule.options) {
      const parsed = rule.options.safeParse(rawOptions);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
        throw new UsageError(`${where}: invalid options for rule "${rule.id}": ${problems.join('; ')}`);
      }
      options = parsed.data;
    } else if (Object.keys(rawOptions).length > 0) {
      throw new UsageError(`${where}: rule "${rule.id}" takes no options`);
    }
    effective.push({ rule, severity, options });
  }
  return effective;
}

export function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) (best = candidate), (bestDistance = distance);
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
