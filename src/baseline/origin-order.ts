/** The baseline's one tie-break: the order in which the chain created things. */
import type { Origin } from '../replay/model.js';

export function compareOrigins(a: Origin, b: Origin): number {
  return a.fileOrder - b.fileOrder || a.statementIndex - b.statementIndex || a.line - b.line || a.column - b.column;
}

export function byOrigin(a: { created: Origin }, b: { created: Origin }): number {
  return compareOrigins(a.created, b.created);
}
