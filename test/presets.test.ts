import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { detectPreset, isPlatformRelation } from '../src/presets.js';
import { writeFolder } from './support/rule-tester.js';

const presetOf = (...args: Parameters<typeof detectPreset>) => detectPreset(...args).preset;

describe('detectPreset', () => {
  it('prefers the configuration, then the layout', () => {
    expect(detectPreset('supabase', 'none', [])).toEqual({ preset: 'none', reason: 'given' });
    expect(presetOf('numbered', 'supabase', [])).toBe('supabase');
    expect(detectPreset('supabase', undefined, [])).toEqual({ preset: 'supabase', reason: 'the supabase layout' });
  });
  it('recognises a Supabase folder of any layout by what its migrations use, and says what', () => {
    expect(presetOf('timestamp', undefined, ['create policy p on t using (auth.uid() = owner);'])).toBe('supabase');
    expect(presetOf('timestamp', undefined, [null, 'CREATE TABLE p (id uuid REFERENCES auth.users);'])).toBe('supabase');
    expect(presetOf('timestamp', undefined, ['CREATE TABLE authors (id int);'])).toBe('none');
    expect(detectPreset('numbered', undefined, ['create policy p on t using (auth.uid() = owner);', 'GRANT SELECT ON t TO anon, authenticated;', 'SELECT 1;'])).toEqual({
      preset: 'supabase',
      reason: "2 of 3 files use Supabase's anon, auth.uid(), authenticated",
    });
    expect(presetOf('numbered', undefined, ['insert into storage.objects (bucket_id) values (1);'])).toBe('supabase');
    expect(presetOf('numbered', undefined, ['GRANT USAGE ON SCHEMA api TO "service_role";'])).toBe('supabase');
  });
  it('does not take a folder that creates its own auth schema or API roles for a Supabase one', () => {
    expect(presetOf('numbered', undefined, ['CREATE ROLE authenticated;', 'GRANT SELECT ON t TO authenticated;'])).toBe('none');
    expect(presetOf('numbered', undefined, ['CREATE SCHEMA auth;', 'CREATE TABLE auth.users (id int);'])).toBe('none');
    expect(presetOf('numbered', undefined, ['CREATE SCHEMA storage;', 'CREATE TABLE IF NOT EXISTS storage.objects (id int);', 'SELECT * FROM storage.buckets;'])).toBe('none');
    expect(presetOf('numbered', undefined, ["COMMENT ON TABLE t IS 'visible to authenticated users';", 'SELECT anon FROM x;'])).toBe('none');
  });
});

describe('isPlatformRelation', () => {
  it('knows the platform schemas only under the supabase preset', () => {
    expect(isPlatformRelation('supabase', 'auth.users')).toBe(true);
    expect(isPlatformRelation('supabase', 'storage.anything')).toBe(true);
    expect(isPlatformRelation('supabase', 'public.users')).toBe(false);
    expect(isPlatformRelation('none', 'auth.users')).toBe(false);
  });
});

describe('the preset in a lint run', () => {
  it('comes from the layout unless configuration names one', async () => {
    const dir = writeFolder({ 'supabase/migrations/20240101000000_a.sql': 'CREATE TABLE p (id uuid REFERENCES auth.users);' });
    try {
      const detected = await analyze('supabase/migrations', { cwd: dir });
      const configured = await analyze('supabase/migrations', { cwd: dir, preset: 'none' });
      expect([detected.layout, detected.preset, configured.preset]).toEqual(['supabase', 'supabase', 'none']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
