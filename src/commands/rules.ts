import { RULES } from '../../rules/index.js';
import type { Output } from '../cli.js';
import { UNUSED_DISABLE } from '../engine.js';

export function rulesCommand(format: 'text' | 'json', output: Output): number {
  const rows = [
    ...RULES.map((rule) => ({
      id: rule.id,
      category: rule.category,
      severity: rule.enabledByDefault === false ? 'off' : rule.severity,
      description: rule.description,
      docs: rule.docs,
    })),
    {
      id: UNUSED_DISABLE,
      category: 'syntax',
      severity: 'warning',
      description: 'A miglint-disable comment that suppresses nothing (reported by the engine after every rule has run).',
      docs: null,
    },
  ];
  if (format === 'json') {
    output.stdout(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const categoryWidth = Math.max(...rows.map((row) => row.category.length));
  const lines = rows.map(
    (row) => `${row.id.padEnd(idWidth)}  ${row.severity.padEnd(7)}  ${row.category.padEnd(categoryWidth)}  ${row.description}`,
  );
  output.stdout(lines.join('\n') + '\n');
  return 0;
}
