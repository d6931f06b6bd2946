import { describe, expect, it } from 'vitest';
import { madeAt, missingObject, reasonText, type Reason } from '../../src/replay/reasons.js';

const missingGoals: Reason = { code: 'missing', kind: 'relation', name: 'public.goals' };

describe('reasonText', () => {
  it("words each reason as PostgreSQL's message does", () => {
    const cases: [Reason, string][] = [
      [missingGoals, 'relation "public.goals" does not exist'],
      [{ code: 'missing', kind: 'function', name: 'public.f()', unquoted: true }, 'function public.f() does not exist'],
      [{ code: 'missing', kind: '', name: 'pg_catalog.lo_export' }, '"pg_catalog.lo_export" does not exist'],
      [{ code: 'missing', kind: 'enum', name: 'public.mood' }, 'type "public.mood" does not exist or is not an enum'],
      [{ code: 'missing', kind: 'column', name: 'c', parent: { word: 'of', kind: 'relation', name: 'public.t' } }, 'column "c" of relation "public.t" does not exist'],
      [{ code: 'missing', kind: 'column', name: 'c', namedBy: 'named in key' }, 'column "c" named in key does not exist'],
      [{ code: 'missing', kind: 'relation', name: 'public.v', asIndexable: true }, 'relation "public.v" does not exist as a table or materialized view'],
      [{ code: 'missing', kind: 'type', name: 'citext', extension: 'citext' }, 'type "citext" does not exist (it comes with extension "citext", which no earlier statement creates)'],
      [{ code: 'exists', kind: 'policy', name: 'p', parent: { word: 'for', kind: 'table', name: 'public.t' }, madeAt: madeAt({ path: 'a.sql', line: 3 }) }, 'policy "p" for table "public.t" already exists (created at a.sql:3)'],
      [{ code: 'exists', kind: 'function', name: 'public.f()', sameArguments: true, madeAt: madeAt({ path: 'a.sql', line: 3 }) }, 'function "public.f()" already exists with same argument types (created at a.sql:3)'],
      [{ code: 'exists', kind: 'enum label', name: 'x', within: 'public.mood' }, 'enum label "x" already exists in "public.mood"'],
      [{ code: 'whole-statement', cause: missingGoals, consequence: 'the DO block fails as a whole' }, 'relation "public.goals" does not exist; the DO block fails as a whole'],
      [{ code: 'skipped', cause: { code: 'exists', kind: 'table', name: 'public.t' }, statement: 'CREATE TABLE IF NOT EXISTS' }, 'table "public.t" already exists; CREATE TABLE IF NOT EXISTS did nothing'],
      [{ code: 'guarded', cause: missingGoals }, 'relation "public.goals" does not exist (inside a guarded DO block: assumed skipped)'],
      [{ code: 'not-partition', name: 'public.p1', parent: 'public.p' }, 'relation "public.p1" is not a partition of relation "public.p"'],
      [{ code: 'already-member', name: 'public.t', publication: 'pub' }, 'relation "public.t" is already member of publication "pub"'],
    ];
    for (const [reason, text] of cases) expect(reasonText(reason)).toBe(text);
  });
});

describe('missingObject', () => {
  it('names an object missing in its own right, under any wrapper, and nothing for other reasons', () => {
    expect(missingObject({ code: 'whole-statement', cause: missingGoals, consequence: 'the DO block fails as a whole' })).toEqual({ kind: 'relation', name: 'public.goals' });
    expect(missingObject({ code: 'missing', kind: 'enum', name: 'public.mood' })).toEqual({ kind: 'enum', name: 'public.mood' });
    expect(missingObject({ code: 'missing', kind: 'policy', name: 'p', parent: { word: 'for', kind: 'table', name: 'public.t' } })).toBeNull();
    expect(missingObject({ code: 'missing', kind: 'column', name: 'c', namedBy: 'referenced in foreign key constraint' })).toBeNull();
    expect(missingObject({ code: 'exists', kind: 'policy', name: 'p' })).toBeNull();
  });
});
