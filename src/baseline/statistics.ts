/** CREATE STATISTICS for the extended statistics on the tables the baseline writes. */
import type { SchemaModel, StatisticsObject } from '../replay/model.js';
import { byOrigin } from './origin-order.js';
import { qualified, qualifiedKey } from './sql.js';

function createStatistics(statistics: StatisticsObject): string {
  const kinds = statistics.kinds.length > 0 ? ` (${statistics.kinds.join(', ')})` : '';
  return `CREATE STATISTICS ${qualified(statistics.schema, statistics.name)}${kinds} ON ${statistics.targets.join(', ')} FROM ${qualifiedKey(statistics.table)};`;
}

/** The statistics on the tables given, in the order the chain created them. */
export function statisticsStatements(schema: SchemaModel, tables: Set<string>): string[] {
  return [...schema.statistics.values()]
    .filter((statistics) => tables.has(statistics.table))
    .sort(byOrigin)
    .map(createStatistics);
}
