/**
 * Storage parameters (`WITH (fillfactor = 70)`, `ALTER TABLE ... SET (autovacuum_... = 0.1)`,
 * `RESET (...)`), kept as PostgreSQL keeps them in pg_class.reloptions: `name=value`; those of
 * the TOAST table as `toast.name=value`.
 */
import type { Node } from 'libpg-query';

function parameter(option: Node): { name: string; value: string } | null {
  if (!('DefElem' in option)) return null;
  const { defnamespace, defname, arg } = option.DefElem;
  const name = defnamespace ? `${defnamespace}.${defname ?? ''}` : (defname ?? '');
  if (!arg) return { name, value: 'true' };
  if ('Integer' in arg) return { name, value: String(arg.Integer.ival ?? 0) };
  if ('Float' in arg) return { name, value: arg.Float.fval ?? '' };
  if ('Boolean' in arg) return { name, value: arg.Boolean.boolval ? 'true' : 'false' };
  if ('String' in arg) return { name, value: arg.String.sval ?? '' };
  if ('TypeName' in arg) return { name, value: (arg.TypeName.names ?? []).map((part) => ('String' in part ? part.String.sval : '')).join('.') };
  return null;
}

/**
 * `current` after SET (or RESET) of the options, as transformRelOptions does it: the parameters
 * not named keep their order, then the ones set follow in the order written.
 */
export function applyStorageParameters(current: string[], options: Node[] | undefined, reset = false): string[] {
  const given = (options ?? []).map(parameter).filter((found): found is { name: string; value: string } => found !== null);
  const named = new Set(given.map((found) => found.name));
  const kept = current.filter((entry) => !named.has(entry.slice(0, entry.indexOf('='))));
  return reset ? kept : [...kept, ...given.map((found) => `${found.name}=${found.value}`)];
}
