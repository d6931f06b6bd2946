/** A rule's documentation page (docs/rules/<id>.md, `miglint rules <id>`, SARIF's `help`), from its `docs`. */
import type { RuleEntry } from './rule-catalog.js';

/** Where the pages live, relative to the repository root. */
export const RULE_DOCS_DIR = 'docs/rules';

export function ruleDocsPath(id: string): string {
  return `${RULE_DOCS_DIR}/${id}.md`;
}

/** The page without its title: what SARIF shows under the rule's name. */
export function ruleDocsBody(rule: RuleEntry): string {
  const severity = rule.enabledByDefault ? rule.severity : `off (${rule.severity} when turned on)`;
  const sections = [
    rule.description,
    `| Category | Default severity |\n| --- | --- |\n| ${rule.category} | ${severity} |`,
    `## Why\n\n${rule.docs.why}`,
    `## How to fix\n\n${rule.docs.fix}`,
    `## Reported\n\n${fence(rule.docs.bad)}`,
    `## Not reported\n\n${fence(rule.docs.good)}`,
    configureSection(rule),
  ];
  return sections.join('\n\n') + '\n';
}

/** The page as `miglint rules <id>` prints it. */
export function ruleDocsText(rule: RuleEntry): string {
  return `# ${rule.id}\n\n${ruleDocsBody(rule)}`;
}

/** The page as docs/rules/<id>.md holds it. */
export function ruleDocsPage(rule: RuleEntry): string {
  return `<!-- Generated from the rule's docs by \`npm run docs\`; edit the rule, not this page. -->\n\n${ruleDocsText(rule)}`;
}

function configureSection(rule: RuleEntry): string {
  const setting = rule.optionDefaults ? [rule.severity, rule.optionDefaults] : rule.enabledByDefault ? 'off' : rule.severity;
  const config = JSON.stringify({ rules: { [rule.id]: setting } }, null, 2);
  const lines = [
    '## Configure',
    '',
    rule.optionDefaults
      ? 'In `miglint.config.json`, with the options at their defaults:'
      : rule.enabledByDefault
        ? 'Turn it off in `miglint.config.json`:'
        : 'Turn it on in `miglint.config.json`:',
    '',
    fence(config, 'json'),
    '',
    `Or for one statement: \`-- miglint-disable-next-line ${rule.id}\` on the line before it.`,
  ];
  return lines.join('\n');
}

/** A fenced block long enough that the text inside cannot close it. */
function fence(text: string, language = 'sql'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}

/** Every page docs/rules/ should hold, by file name. */
export function ruleDocsPages(rules: RuleEntry[]): Map<string, string> {
  return new Map(rules.map((rule) => [`${rule.id}.md`, ruleDocsPage(rule)]));
}
