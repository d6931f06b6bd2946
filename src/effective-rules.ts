/**
 * The rules a run uses: every rule with the severity and options the configuration gives it.
 * Apart from config.ts so that a run without a configuration file builds no configuration schema.
 */
import type { Config, RuleSetting } from './config.js';
import { closest } from './did-you-mean.js';
import { UsageError } from './errors.js';
import type { Rule, Severity } from './rule.js';

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
