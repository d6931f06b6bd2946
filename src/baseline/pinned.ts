/**
 * DO blocks whose effect depends on the catalog when they run (a loop over pg_proc that drops
 * every overload of a function, over pg_policies that drops every policy, over pg_tables that
 * revokes what anon holds). The model cannot know what they did, so the baseline runs each
 * where it ran in the chain relative to the objects it can touch: those defined before it come
 * before it, those defined after come after. A block that touches several kinds of object is
 * pinned among the last of them in the baseline's order (functions, then policies, then
 * privileges).
 */
import type { Origin } from '../replay/model.js';
import { compareOrigins } from './origin-order.js';
import type { Carried } from './sources.js';

export type PinnedKind = 'functions' | 'policies' | 'privileges';

const KINDS: { kind: PinnedKind; pattern: RegExp }[] = [
  { kind: 'privileges', pattern: /\b(grant|revoke)\b/i },
  { kind: 'policies', pattern: /\bpg_polic(y|ies)\b|\b(drop|alter)\s+policy\b/i },
  { kind: 'functions', pattern: /\bpg_proc\b|\bregproc(edure)?\b|\b(drop|alter)\s+(function|procedure|routine)\b/i },
];

export interface Pinned extends Carried {
  kind: PinnedKind;
}

/** The kind of object a carried DO block is pinned among, or null when it touches none of them. */
export function pinnedKind(text: string): PinnedKind | null {
  return KINDS.find(({ pattern }) => pattern.test(text))?.kind ?? null;
}

/**
 * Items split around the pinned statements of one kind: the items defined before the first,
 * the first, the items defined between, and so on. `at` gives the origin that places an item.
 */
export function aroundPinned<T>(items: T[], pinned: Pinned[], at: (item: T) => Origin): { items: T[]; after: Pinned | null }[] {
  const sorted = [...pinned].sort((a, b) => compareOrigins(a.origin, b.origin));
  const segments: { items: T[]; after: Pinned | null }[] = [{ items: [], after: null }, ...sorted.map((statement) => ({ items: [] as T[], after: statement }))];
  for (const item of items) {
    const index = sorted.filter((statement) => compareOrigins(statement.origin, at(item)) < 0).length;
    segments[index]!.items.push(item);
  }
  return segments;
}

/** The origin of the last statement in a list of origins. */
export function latest(origins: Origin[]): Origin {
  return origins.reduce((last, origin) => (compareOrigins(origin, last) > 0 ? origin : last));
}
