/**
 * Views and materialized views in dependency order: a view comes after the views it reads.
 * The statement is written as the migration wrote it, unless something was renamed or moved
 * after the view was created (its text could name what no longer exists); then it is written
 * from the model, whose query follows renames.
 */
import type { HistoryEvent } from '../replay/history.js';
import type { SchemaModel, View } from '../replay/model.js';
import { byOrigin, compareOrigins } from './origin-order.js';
import { columnList, qualified } from './sql.js';

function keyOf(view: View): string {
  return `${view.schema}.${view.name}`;
}

export function orderViews(schema: SchemaModel): View[] {
  const views = [...schema.views.values()].sort(byOrigin);
  const placed = new Set<string>();
  const ordered: View[] = [];
  const place = (view: View, visiting: Set<string>): void => {
    const key = keyOf(view);
    if (placed.has(key) || visiting.has(key)) return;
    visiting.add(key);
    for (const dependency of view.dependsOn) {
      const needed = schema.views.get(dependency);
      if (needed) place(needed, visiting);
    }
    placed.add(key);
    ordered.push(view);
  };
  for (const view of views) place(view, new Set());
  return ordered;
}

export function createView(view: View, history: HistoryEvent[]): string {
  const renamedSince = history.some((event) => event.action === 'rename' && compareOrigins(event.origin, view.created) > 0);
  if (view.sql && !renamedSince) {
    const text = view.sql.replace(/^\s*create\s+or\s+replace\s+/i, 'CREATE ');
    return /;\s*$/.test(text) ? text : `${text};`;
  }
  const columns = view.columnNames.length > 0 ? ` (${columnList(view.columnNames)})` : '';
  const options = view.options.length > 0 ? ` WITH (${view.options.join(', ')})` : '';
  return `CREATE ${view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(view.schema, view.name)}${columns}${options} AS\n${view.query};`;
}
