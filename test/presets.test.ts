import { describe, expect, it } from 'vitest';
import { isPlatformRelation, resolvePreset } from '../src/presets.js';

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
