/**
 * A table, view, sequence or function missing on one side takes its indexes, statistics,
 * triggers, policies, grants and comments with it. Those follow-on differences are counted under the
 * object they belong to instead of being listed one by one.
 */
import type { CatalogDifference } from './catalog.js';

const OWNING_SECTIONS = new Set(['tables', 'views', 'sequences', 'functions']);

/** The owning object a dependent difference points at, as `schema.name` or a function key. */
function owner(difference: CatalogDifference): string | null {
  const item = (difference.left ?? difference.right) as Record<string, unknown> | undefined;
  if (!item || difference.path !== '') return null;
  switch (difference.section) {
    case 'indexes':
    case 'statistics':
      return String(item.table);
    case 'triggers':
    case 'policies':
      return `${String(item.schema)}.${String(item.table)}`;
    case 'grants':
    case 'comments':
      return String(item.object);
    default:
      return null;
  }
}

export interface SummarizedDifference {
  difference: CatalogDifference;
  /** Differences that follow from this one (its indexes, grants, ...). */
  consequences: number;
}

export function summarize(differences: CatalogDifference[]): SummarizedDifference[] {
  const missing = new Map<string, SummarizedDifference>();
  const kept: SummarizedDifference[] = [];
  for (const difference of differences) {
    if (difference.kind !== 'different' && OWNING_SECTIONS.has(difference.section)) {
      const entry = { difference, consequences: 0 };
      missing.set(difference.object, entry);
      kept.push(entry);
    }
  }
  for (const difference of differences) {
    if (difference.kind !== 'different' && OWNING_SECTIONS.has(difference.section)) continue;
    const key = owner(difference);
    const parent = key === null ? undefined : [...missing.values()].find((entry) => key === entry.difference.object || key.startsWith(`${entry.difference.object}.`));
    if (parent && parent.difference.kind === difference.kind) parent.consequences++;
    else kept.push({ difference, consequences: 0 });
  }
  const order = new Map(differences.map((difference, index) => [difference, index]));
  return kept.sort((a, b) => order.get(a.difference)! - order.get(b.difference)!);
}
