import type { Output } from '../output.js';
import { closest } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import { findRule, RULE_CATALOG } from '../rule-catalog.js';
import { ruleDocsText } from '../rule-docs.js';

/** Lists every rule, or prints one rule's docs page (`miglint rules <id>`). */
export function rulesCommand(format: 'text' | 'json', output: Output, id?: string): number {
  if (id !== undefined) {
    const rule = findRule(id);
    if (!rule) {
      const suggestion = closest(id, RULE_CATALOG.map((entry) => entry.id));
      throw new UsageError(`unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. \`miglint rules\` lists them all.`);
    }
    output.stdout(format === 'json' ? JSON.stringify(row(rule), null, 2) + '\n' : ruleDocsText(rule));
    return 0;
  }
  const rows = RULE_CATALOG.map(row);
  if (format === 'json') {
    output.stdout(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const idWidth = Math.max(...rows.map((entry) => entry.id.length));
  const categoryWidth = Math.max(...rows.map((entry) => entry.category.length));
  const lines = rows.map(
    (entry) => `${entry.id.padEnd(idWidth)}  ${entry.severity.padEnd(7)}  ${entry.category.padEnd(categoryWidth)}  ${entry.description}`,
  );
  output.stdout(lines.join('\n') + '\n');
  return 0;
}

function row(rule: (typeof RULE_CATALOG)[number]) {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.enabledByDefault ? rule.severity : 'off',
    description: rule.description,
    docs: rule.docs,
  };
}
