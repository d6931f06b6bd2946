/** `baseline -o` warns where the Supabase CLI would apply the baseline before the files it consolidates. */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolder } from './support/rule-tester.js';
import { miglint, SLOW } from './support/run-cli.js';

const A = 'CREATE TABLE a (id int PRIMARY KEY);\n';

async function inFolder(files: Record<string, string>, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = writeFolder(files);
  try {
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('baseline -o next to a Supabase folder\'s migrations', () => {
  it('warns that the Supabase CLI applies it first, and still writes it', SLOW, () =>
    inFolder({ 'supabase/migrations/20240101000000_a.sql': A, 'supabase/migrations/20240102000000_b.sql': 'ALTER TABLE a ADD COLUMN b int;\n' }, async (dir) => {
      const run = await miglint(dir, ['baseline', 'supabase/migrations', '-o', 'supabase/migrations/000_baseline_schema.sql']);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe(
        'miglint: wrote supabase/migrations/000_baseline_schema.sql\n' +
          'miglint: warning: the Supabase CLI applies supabase/migrations/000_baseline_schema.sql first (version 000), before the 2 migrations it consolidates, ' +
          'so `supabase db reset` fails on the first of them. Move them out of the folder and record the switch with `supabase migration repair` (README: "Adopting the baseline").\n',
      );
      expect(existsSync(path.join(dir, 'supabase/migrations/000_baseline_schema.sql'))).toBe(true);
    }));

  it('says nothing outside the folder, or for runners that do not pick the file up first', SLOW, () =>
    inFolder({ 'supabase/migrations/20240101000000_a.sql': A, 'db/migrations/001_a.sql': A }, async (dir) => {
      const outside = await miglint(dir, ['baseline', 'supabase/migrations', '-o', 'supabase/baseline.sql']);
      expect(outside.stderr).toBe('miglint: wrote supabase/baseline.sql\n');
      const numbered = await miglint(dir, ['baseline', 'db/migrations', '-o', 'db/migrations/000_baseline_schema.sql']);
      expect(numbered.stderr).toBe('miglint: wrote db/migrations/000_baseline_schema.sql\n');
    }));
});
