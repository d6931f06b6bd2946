import path from 'node:path';
import type { Layout } from '../discover/index.js';

/**
 * The Supabase CLI applies every `<digits>_name.sql` in supabase/migrations in file-name order,
 * so a baseline written there as 000_... runs first, before the very files it consolidates
 * (`supabase db reset` then fails on the first "already exists"). miglint itself skips its
 * baseline when it lints; the CLI does not.
 */
export function supabaseBaselineWarning(input: { layout: Layout; dir: string; target: string; names: string[]; shown: string }): string | null {
  if (input.layout !== 'supabase' || path.resolve(path.dirname(input.target)) !== path.resolve(input.dir)) return null;
  const base = path.basename(input.target);
  if (!/^[0-9]+_.*\.sql$/.test(base)) return null;
  const after = input.names.filter((name) => !name.includes('/') && name > base);
  if (after.length === 0) return null;
  return (
    `miglint: warning: the Supabase CLI applies ${input.shown} first (version ${base.split('_')[0]}), before the ${after.length} ` +
    `migration${after.length === 1 ? '' : 's'} it consolidates, so \`supabase db reset\` fails on the first of them. ` +
    'Move them out of the folder and record the switch with `supabase migration repair` (README: "Adopting the baseline").\n'
  );
}
