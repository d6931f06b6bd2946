/**
 * The goals of issue 13 as rows the bench measures and judges: each goal has a limit (a ratio,
 * seconds or megabytes, never to exceed) and a function that measures it in the running bench.
 * A goal that cannot be measured in this run (its folder size not benched, no real folders
 * given, squawk missing) says why instead of a number. Formatting and judging are pure.
 */

export type Unit = 'x' | 's' | 'MB';

export interface Limit {
  max: number;
  unit: Unit;
}

/** A measured value, with what it was measured from (the two sides of a ratio, the runs). */
export interface Measured {
  value: number;
  detail: string;
}

export interface Skipped {
  skipped: string;
}

export interface Goal {
  name: string;
  limit: Limit;
  measure: () => Measured | Skipped;
}

export interface GoalResult {
  name: string;
  limit: Limit;
  outcome: Measured | Skipped;
}

export function isSkipped(outcome: Measured | Skipped): outcome is Skipped {
  return 'skipped' in outcome;
}

/** Met when the measured value is at most the limit. */
export function meets(value: number, limit: Limit): boolean {
  return value <= limit.max;
}

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 's') return `${value.toFixed(2)} s`;
  return `${value.toFixed(2)}x`;
}

export interface Side {
  label: string;
  seconds: number;
  /** CPU seconds, when measured: shown beside the wall time, which a shared machine stretches. */
  cpuSeconds?: number | null;
}

/** `a / b` of wall time as a Measured ratio, its detail naming both sides (and their CPU time when known). */
export function ratioOf(a: Side, b: Side): Measured {
  const cpu = a.cpuSeconds != null && b.cpuSeconds != null ? ` (CPU ${a.cpuSeconds.toFixed(2)} s / ${b.cpuSeconds.toFixed(2)} s)` : '';
  return { value: a.seconds / b.seconds, detail: `${a.label} ${a.seconds.toFixed(2)} s / ${b.label} ${b.seconds.toFixed(2)} s${cpu}` };
}

/** Measures each goal in order; `measured` hears of each result as soon as it is known. */
export function measureGoals(goals: Goal[], measured: (result: GoalResult) => void = () => {}): GoalResult[] {
  return goals.map((goal) => {
    const result = { name: goal.name, limit: goal.limit, outcome: goal.measure() };
    measured(result);
    return result;
  });
}

/** A markdown table: goal, limit, measured value, met / MISSED / skipped, and what was measured. */
export function goalTable(results: GoalResult[]): string {
  const rows = results.map(({ name, limit, outcome }) => {
    const target = `≤ ${formatValue(limit.max, limit.unit)}`;
    if (isSkipped(outcome)) return `| ${name} | ${target} | n/a | skipped | ${outcome.skipped} |`;
    const mark = meets(outcome.value, limit) ? 'met' : 'MISSED';
    return `| ${name} | ${target} | ${formatValue(outcome.value, limit.unit)} | ${mark} | ${outcome.detail} |`;
  });
  return ['| goal | limit | measured | | from |', '|---|---|---|---|---|', ...rows].join('\n');
}
