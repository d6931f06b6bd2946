/**
 * Every rule a user can configure or see in a report: the rule modules, and the check the
 * engine makes itself (unused suppression comments), with the same metadata and docs.
 */
import { RULES } from '../rules/index.js';
import { UNUSED_DISABLE } from './lint/suppressions.js';
import type { Category, RuleDocs, Severity } from './rule.js';

export interface RuleEntry {
  id: string;
  category: Category;
  severity: Severity;
  enabledByDefault: boolean;
  description: string;
  docs: RuleDocs;
  /** The options' defaults, when the rule takes options. */
  optionDefaults: Record<string, unknown> | null;
}

const UNUSED_DISABLE_ENTRY: RuleEntry = {
  id: UNUSED_DISABLE,
  category: 'syntax',
  severity: 'warning',
  enabledByDefault: true,
  description: 'A miglint-disable comment that suppresses nothing (reported by the engine after every rule has run).',
  docs: {
    why: 'A suppression comment that no longer matches a finding hides nothing today but will silently hide the next real problem on that line or in that file.',
    fix: 'Delete the comment, or name the rule that it was meant for.',
    bad: '-- miglint-disable-next-line no-primary-key\nCREATE TABLE users (id bigint PRIMARY KEY);',
    good: 'CREATE TABLE users (id bigint PRIMARY KEY);',
  },
  optionDefaults: null,
};

export const RULE_CATALOG: RuleEntry[] = [
  ...RULES.map(
    (rule): RuleEntry => ({
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      enabledByDefault: rule.enabledByDefault !== false,
      description: rule.description,
      docs: rule.docs,
      optionDefaults: rule.options ? (rule.options.parse({}) as Record<string, unknown>) : null,
    }),
  ),
  UNUSED_DISABLE_ENTRY,
];

export function findRule(id: string): RuleEntry | undefined {
  return RULE_CATALOG.find((entry) => entry.id === id);
}
