import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { isPlatformRelation, resolvePreset } from '../src/presets.js';
import { writeFolder } from './support/rule-tester.js';

describe('resolvePreset', () => {
  it('prefers the configuration, then the layout', () => {
    expect(resolvePreset('supabase', 'none', [])).toBe('none');
    expect(resolvePreset('numbered', 'supabase', [])).toBe('supabase');
    expect(resolvePreset('supabase', undefined, [])).toBe('supabase');
  });
  it('recognises a Supabase folder copied elsewhere by what its timestamped migrations use', () => {
    expect(resolvePreset('timestamp', undefined, ['create policy p on t using (auth.uid() = owner);'])).toBe('supabase');
    expect(resolvePreset('timestamp', undefined, [null, 'CREATE TABLE p (id uuid REFERENCES auth.users);'])).toBe('supabase');
    expect(resolvePreset('timestamp', undefined, ['CREATE TABLE authors (id int);'])).toBe('none');
    expect(resolvePreset('numbered', undefined, ['create policy p on t using (auth.uid() = owner);'])).toBe('none');
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
