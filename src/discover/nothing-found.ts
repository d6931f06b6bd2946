/**
 * The message for a folder in which the layout finds no migration to replay: what was there
 * instead, so that "0 files, no problems" is never the answer.
 */
import { readdirSync } from 'node:fs';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * `shown` is the folder as the user gave it; `sql` every .sql file under it (relative,
 * `/`-separated); `baselines` the ones miglint wrote; `layout` the layout that placed none.
 */
export function nothingFoundMessage(shown: string, absoluteDir: string, sql: string[], baselines: string[], layout: string, forced: boolean): string {
  const dir = shown.replace(/\/+$/, '') || '.';
  if (sql.length === 0) {
    const entries = readdirSync(absoluteDir).filter((name) => !name.startsWith('.'));
    if (entries.length === 0) return `${dir} is empty: there is no migration file to lint.`;
    return `No .sql file in ${dir} (it holds ${plural(entries.length, 'other entry', 'other entries')}: ${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', ...' : ''}). Give the folder that holds the migrations.`;
  }
  const migrations = sql.filter((name) => !baselines.includes(name));
  if (migrations.length === 0) {
    return `${dir} holds only ${baselines.join(', ')}, a baseline miglint wrote, and no migration file.`;
  }
  const topLevel = migrations.filter((name) => !name.includes('/'));
  if (topLevel.length > 0 || forced) {
    return `${plural(migrations.length, '.sql file')} in ${dir}, but none is a ${layout} migration${forced ? ' (the layout given)' : ''}. Use --layout to choose another layout.`;
  }
  const bySet = new Map<string, number>();
  for (const name of migrations) {
    const folder = name.split('/')[0]!;
    bySet.set(folder, (bySet.get(folder) ?? 0) + 1);
  }
  const sets = [...bySet].sort((a, b) => b[1] - a[1]);
  const counts = sets.map(([folder, count], i) => (i === 0 ? `${plural(count, '.sql file')} in ${folder}/` : `${count} in ${folder}/`)).join(', ');
  const first = `${dir === '.' ? '' : `${dir}/`}${sets[0]![0]}`;
  if (sets.length === 1) return `No migration file directly in ${dir}: ${counts}. Lint that folder: miglint lint ${first}`;
  const many = NUMBER_WORDS[sets.length] ?? String(sets.length);
  return `No migration file directly in ${dir}: ${counts}: these look like ${many} migration sets; lint each one (miglint lint ${first}), or use --layout if one runner reads them all.`;
}
