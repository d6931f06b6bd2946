import { describe, expect, it } from 'vitest';
import { goalTable, measureGoals, meets, ratioOf, type Goal } from '../bench/goals.js';

describe('bench goals', () => {
  it('meets a limit at or under it, misses over it', () => {
    expect(meets(1.5, { max: 1.5, unit: 'x' })).toBe(true);
    expect(meets(1.51, { max: 1.5, unit: 'x' })).toBe(false);
  });

  it('states a ratio with both sides, and their CPU time only when both have it', () => {
    const withCpu = ratioOf({ label: 'miglint', seconds: 3, cpuSeconds: 2.5 }, { label: 'squawk', seconds: 2, cpuSeconds: 1 });
    expect(withCpu).toEqual({ value: 1.5, detail: 'miglint 3.00 s / squawk 2.00 s (CPU 2.50 s / 1.00 s)' });
    expect(ratioOf({ label: 'a', seconds: 1, cpuSeconds: 1 }, { label: 'b', seconds: 4, cpuSeconds: null }).detail).toBe('a 1.00 s / b 4.00 s');
  });

  it('prints each goal met, MISSED or skipped, measuring each once in order', () => {
    const measured: string[] = [];
    const goals: Goal[] = [
      { name: 'start-up', limit: { max: 1.5, unit: 'x' }, measure: () => ({ value: 1.2, detail: 'a / b' }) },
      { name: 'one changed', limit: { max: 0.3, unit: 's' }, measure: () => ({ value: 0.456, detail: 'median of 3' }) },
      { name: 'memory', limit: { max: 500, unit: 'MB' }, measure: () => ({ skipped: 'not benched' }) },
    ];
    const table = goalTable(measureGoals(goals, (result) => measured.push(result.name)));
    expect(measured).toEqual(['start-up', 'one changed', 'memory']);
    expect(table.split('\n')).toEqual([
      '| goal | limit | measured | | from |',
      '|---|---|---|---|---|',
      '| start-up | ≤ 1.50x | 1.20x | met | a / b |',
      '| one changed | ≤ 0.30 s | 0.46 s | MISSED | median of 3 |',
      '| memory | ≤ 500 MB | n/a | skipped | not benched |',
    ]);
  });
});
