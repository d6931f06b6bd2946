/**
 * PL/pgSQL variables a DO block's guard may test (`DECLARE installed boolean; BEGIN installed
 * := EXISTS (...); IF installed THEN ...`): a variable assigned in exactly one place, by `:=`,
 * by `SELECT ... INTO` or by its DECLARE default, gets the value guards.ts evaluates there, at
 * the moment the walk reaches it. Any other variable (assigned twice, in a loop, under a guard
 * the model cannot evaluate, sharing its name with another, or FOUND) stays unknown.
 */
import type { ReplayContext } from './context.js';
import { evaluateExpression, evaluateQuery, type Value, type Variables } from './guards.js';

interface Datum {
  PLpgSQL_var?: { refname?: string; default_val?: { PLpgSQL_expr?: { query?: string } } };
  PLpgSQL_rec?: { refname?: string };
  PLpgSQL_row?: unknown;
}

export interface PlPgSQLFunction {
  datums?: Datum[];
  action?: unknown;
}

/** How many times each variable (by number) is assigned in the body; also the names loops assign and whether blocks nest. */
function assignmentSites(action: unknown): { counts: Map<number, number>; loopNames: Set<string>; blocks: number } {
  const counts = new Map<number, number>();
  const loopNames = new Set<string>();
  let blocks = 0;
  const visit = (value: unknown, key: string): void => {
    if (value === null || typeof value !== 'object') {
      // `varno`: an assignment's, an INTO target's, FOREACH's; `target`: GET DIAGNOSTICS'.
      if ((key === 'varno' || key === 'target') && typeof value === 'number') counts.set(value, (counts.get(value) ?? 0) + 1);
      return;
    }
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
    for (const [inner, child] of Object.entries(value as Record<string, unknown>)) {
      if (inner === 'PLpgSQL_stmt_block') blocks++;
      if (key === 'var') {
        const name = (child as { refname?: string }).refname;
        if (name) loopNames.add(name);
      }
      visit(child, inner);
    }
  };
  visit(action, '');
  return { counts, loopNames, blocks };
}

export class GuardVariables {
  /** Variables that may get a known value, by number. */
  private readonly trackable = new Map<number, string>();
  private readonly known = new Map<string, Exclude<Value, null>>();

  constructor(
    private readonly fn: PlPgSQLFunction,
    private readonly ctx: ReplayContext,
  ) {
    const datums = fn.datums ?? [];
    const names = datums.map((datum) => datum.PLpgSQL_var?.refname ?? datum.PLpgSQL_rec?.refname);
    const { counts, loopNames, blocks } = assignmentSites(fn.action);
    for (const [varno, datum] of datums.entries()) {
      const name = datum.PLpgSQL_var?.refname;
      if (!name || name === 'found' || loopNames.has(name) || names.indexOf(name) !== names.lastIndexOf(name)) continue;
      const sites = (counts.get(varno) ?? 0) + (datum.PLpgSQL_var?.default_val ? 1 : 0);
      // A nested block's defaults are evaluated when the walk enters it, which this does not follow.
      if (sites === 1 && (!datum.PLpgSQL_var?.default_val || blocks === 1)) this.trackable.set(varno, name);
    }
  }

  get values(): Variables {
    return this.known;
  }

  /** Evaluates the DECLARE defaults, as PostgreSQL does on entering the (only) block. */
  declare(): void {
    for (const [varno, name] of this.trackable) {
      const query = this.fn.datums?.[varno]?.PLpgSQL_var?.default_val?.PLpgSQL_expr?.query;
      if (query) this.remember(name, evaluateExpression(query, this.ctx, this.known));
    }
  }

  /** `name := expression` (the statement's text holds both), reached unconditionally. */
  assign(varno: number | undefined, text: string): void {
    const name = varno === undefined ? undefined : this.trackable.get(varno);
    if (name === undefined) return;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const expression = new RegExp(`^\\s*(?:${escaped}|"${escaped}")\\s*:?=\\s*([\\s\\S]*)$`, 'i').exec(text)?.[1];
    if (expression !== undefined) this.remember(name, evaluateExpression(expression, this.ctx, this.known));
  }

  /** `SELECT ... INTO name`, reached unconditionally; `query` is the statement without its INTO. */
  selectInto(target: unknown, query: string): void {
    const fields = (target as { PLpgSQL_row?: { fields?: { varno?: number }[] } } | undefined)?.PLpgSQL_row?.fields;
    const varno = fields?.length === 1 ? fields[0]?.varno : undefined;
    const name = varno === undefined ? undefined : this.trackable.get(varno);
    if (name !== undefined) this.remember(name, evaluateQuery(query, this.ctx, this.known));
  }

  private remember(name: string, value: Value): void {
    if (value !== null) this.known.set(name, value);
  }
}
