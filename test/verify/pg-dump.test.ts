/**
 * The pg_dump comparison itself: what its normalization treats as equal, how dump differences
 * are matched to catalog differences, and the two blind spots of the catalog comparison it found
 * (each now a catalog difference, asserted here on the catalog alone).
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { failed, formatReport } from '../../src/commands/verify.js';
import { diffCatalogs, readCatalog, type CatalogDifference } from '../../src/verify/catalog.js';
import { compareSchemaDumps, dumpSchema, tryDumpSchema, unexplained } from '../../src/verify/dump.js';
import { diffDumps, dumpEntries } from '../../src/verify/dump-entries.js';
import { explainDumpDifferences } from '../../src/verify/dump-explained.js';
import type { VerifyReport } from '../../src/verify/index.js';

const SLOW = 180_000;

/** Two databases from one fresh one: `setup` in both, then each its own SQL. */
async function pair(setup: string, chainSql: string, baselineSql: string): Promise<[PGlite, PGlite]> {
  const chain = new PGlite();
  await chain.exec(setup);
  const baseline = (await chain.clone()) as PGlite;
  await chain.exec(chainSql);
  await baseline.exec(baselineSql);
  return [chain, baseline];
}

/** Dumps both databases and compares the dumps, as verify does; `catalog` is what the catalog comparison found. */
async function compareDumps(chain: PGlite, baseline: PGlite, catalog: CatalogDifference[]) {
  return compareSchemaDumps(await tryDumpSchema(chain), await tryDumpSchema(baseline), catalog);
}

async function compared(setup: string, chainSql: string, baselineSql: string) {
  const [chain, baseline] = await pair(setup, chainSql, baselineSql);
  try {
    const catalog = diffCatalogs(await readCatalog(chain), await readCatalog(baseline));
    return { catalog, dump: await compareDumps(chain, baseline, catalog), blind: await compareDumps(chain, baseline, []) };
  } finally {
    await chain.close();
    await baseline.close();
  }
}

function report(dump: VerifyReport['dump'], differences: VerifyReport['differences'] = []): VerifyReport {
  return { chainRejections: [], baselineRejections: [], missingExtensions: [], differences, statements: { chain: 1, baseline: 1 }, assumedRoles: [], standIns: [], dump };
}

describe('pg_dump comparison', () => {
  it(
    'treats as equal what only creation order changes: the order of entries (OIDs) and of GRANT lines; a storage parameter still differs',
    async () => {
      const [chain, baseline] = await pair(
        'create role reader; create role writer;',
        `create table b (id int); create table a (id int, c text);
         create index a_c on a (c) with (fillfactor = 90);
         grant select on a to reader; grant insert on a to writer;
         create function f(x int) returns int language sql as 'select 1';
         create function f(x text) returns int language sql as 'select 2';`,
        `create function f(x text) returns int language sql as 'select 2';
         create function f(x int) returns int language sql as 'select 1';
         create table a (id int, c text);
         create index a_c on a (c);
         grant insert on a to writer; grant select on a to reader;
         create table b (id int);`,
      );
      try {
        const [left, right] = [await dumpSchema(chain), await dumpSchema(baseline)];
        // Unnormalized, the two dumps differ in order and in GRANT lines.
        expect(left).not.toBe(right);
        expect(diffDumps(dumpEntries(left), dumpEntries(right))).toEqual([
          { type: 'INDEX', schema: 'public', name: 'a_c', on: 'public.a', kind: 'different', leftLines: ["CREATE INDEX a_c ON public.a USING btree (c) WITH (fillfactor='90');"], rightLines: ['CREATE INDEX a_c ON public.a USING btree (c);'] },
        ]);
      } finally {
        await chain.close();
        await baseline.close();
      }
    },
    SLOW,
  );

  it("leaves out PGlite's per-column pg_attver stamp (0.5.17 and later), which differs from database to database, and keeps the options users set", () => {
    const dump = (stamp: number) =>
      [
        '--',
        '-- Name: t; Type: TABLE; Schema: public; Owner: postgres',
        '--',
        '',
        'CREATE TABLE public.t (',
        '    id integer',
        ');',
        `ALTER TABLE ONLY public.t ALTER COLUMN id SET (pg_attver=${stamp});`,
        `ALTER TABLE ONLY public.t ALTER COLUMN id SET (n_distinct='5', pg_attver=${stamp});`,
        '',
      ].join('\n');
    expect(dumpEntries(dump(24229080))[0]!.lines).toEqual(['CREATE TABLE public.t (', '    id integer', ');', "ALTER TABLE ONLY public.t ALTER COLUMN id SET (n_distinct='5');"]);
    expect(diffDumps(dumpEntries(dump(24229080)), dumpEntries(dump(24229200)))).toEqual([]);
  });

  it(
    'explains every dump difference by a catalog difference on the same object; without the catalog differences, each is a blind spot that fails verify',
    async () => {
      const { catalog, dump, blind } = await compared(
        'create role reader; create table t (id int primary key, b int default 1, a text not null); create function f() returns int language sql as $$select 1$$;',
        `alter table t alter column b set default 2; grant select (a) on t to reader; comment on table t is 'x';
         alter function f() set search_path = public; create view v as select id from t;`,
        'select 1',
      );
      expect(catalog.length).toBeGreaterThan(0);
      expect(dump.differences.map((difference) => `${difference.type} ${difference.name}: ${difference.explainedBy}`).sort()).toEqual([
        'TABLE t: table public.t: columns.b.default differs: 2 vs 1',
        'COMMENT TABLE t: comment on table public.t exists only on the left',
        'ACL COLUMN t.a: grant SELECT on column public.t.a to reader exists only on the left',
        'FUNCTION f(): function public.f(): config differs: ["search_path=public"] vs []',
        'VIEW v: view public.v exists only on the left',
      ].sort());
      expect(failed(report(dump, catalog))).toBe(true);
      expect(unexplained(dump)).toEqual([]);
      // A difference on the table does not explain a grant or a comment on it: those are other catalog sections.
      const tableOnly = explainDumpDifferences(dump.differences, catalog.filter((difference) => difference.section === 'tables'));
      expect(tableOnly.filter((difference) => difference.explainedBy === null).map((difference) => `${difference.type} ${difference.name}`).sort()).toEqual([
        'ACL COLUMN t.a',
        'COMMENT TABLE t',
        'FUNCTION f()',
        'VIEW v',
      ]);

      expect(unexplained(blind)).toHaveLength(dump.differences.length);
      const text = formatReport(report(blind), 'baseline.sql', 'none');
      expect(text).toContain('pg_dump differences the catalog comparison does not explain (5; a blind spot of verify, please report it):');
      expect(text).toContain('  TABLE t in schema public: differs\n    -     b integer DEFAULT 2,\n    +     b integer DEFAULT 1,\n');
      expect(text).toContain('  VIEW v in schema public: only in the chain\n    - CREATE VIEW public.v AS\n');
      expect(text).toContain("  COMMENT TABLE t in schema public: only in the chain\n    - COMMENT ON TABLE public.t IS 'x';\n");
      expect(failed(report(blind))).toBe(true);
    },
    SLOW,
  );

  it(
    "explains an index whose owner differs in pg_dump's comment by its table's owner (an index is owned by its table's owner)",
    async () => {
      const { catalog, dump } = await compared('create role app; create table t (id int, c text); create index t_c on t (c);', 'alter table t owner to app;', 'select 1');
      expect(catalog.map((difference) => difference.message)).toContain('table public.t: owner differs: app vs postgres');
      expect(dump.differences.map((difference) => [difference.type, difference.name, difference.leftLines, difference.explainedBy !== null]).sort()).toEqual([
        ['INDEX', 't_c', ['-- Owner: app'], true],
        ['TABLE', 't', ['-- Owner: app', 'ALTER TABLE public.t OWNER TO app;'], true],
      ]);
    },
    SLOW,
  );

  it(
    "explains an identity's sequence entry (its tag names only the sequence) by the difference on its table's column",
    async () => {
      const { catalog, dump } = await compared('create table s (id int generated always as identity, v text);', 'alter table s alter column id set increment by 5;', 'select 1');
      expect(catalog.map((difference) => difference.path)).toEqual(['columns.id.identitySequence']);
      expect(dump.differences.map((difference) => [difference.type, difference.name, difference.on, difference.explainedBy])).toEqual([
        ['SEQUENCE', 's_id_seq', 'public.s', catalog[0]!.message],
      ]);
    },
    SLOW,
  );

  it(
    'sees a column that INHERITS brought and the table also declares (attislocal): the catalog now compares it',
    async () => {
      const { catalog, dump } = await compared('create table base (id int, at timestamptz);', 'create table child () inherits (base);', 'create table child (id int, at timestamptz) inherits (base);');
      expect(catalog.map((difference) => difference.message)).toEqual(['table public.child: inheritedColumns differs: ["id","at"] vs []']);
      expect(dump.differences.map((difference) => [difference.type, difference.name, difference.explainedBy !== null])).toEqual([['TABLE', 'child', true]]);
    },
    SLOW,
  );

  it(
    'sees a NOT NULL that only the parent declares made the child\'s own (conislocal): the catalog now compares it',
    async () => {
      const { catalog, dump } = await compared('create table base (id int not null);', 'create table child (id int) inherits (base);', 'create table child (id int constraint base_id_not_null not null) inherits (base);');
      expect(catalog.map((difference) => difference.path)).toEqual(['constraints.base_id_not_null.inheritedOnly']);
      expect(dump.differences.map((difference) => [difference.type, difference.name, difference.explainedBy !== null])).toEqual([['TABLE', 'child', true]]);
    },
    SLOW,
  );

  it(
    "sees privileges a migration changed on PostgreSQL's own functions (a grant, a revoke from PUBLIC, a new owner): the catalog now compares them",
    async () => {
      const chainSql = 'grant execute on function pg_catalog.lo_export(oid, text) to app; revoke execute on function pg_catalog.now() from public; alter function pg_catalog.lo_import(text) owner to app;';
      const { catalog, dump, blind } = await compared('create role app;', chainSql, 'select 1');
      expect(catalog.map((difference) => difference.message)).toEqual([
        'grant EXECUTE on function pg_catalog.lo_export(oid, text) to app exists only on the left',
        'grant EXECUTE on function pg_catalog.lo_export(oid, text) to postgres exists only on the left',
        'grant EXECUTE on function pg_catalog.lo_import(text) to app exists only on the left',
        'grant EXECUTE on function pg_catalog.now() to postgres exists only on the left',
      ]);
      expect(blind.differences.map((difference) => [difference.type, difference.name]).sort()).toEqual([
        ['ACL', 'FUNCTION lo_export(oid, text)'],
        ['ACL', 'FUNCTION lo_import(text)'],
        ['ACL', 'FUNCTION now()'],
      ]);
      expect(unexplained(dump)).toEqual([]);
    },
    SLOW,
  );

  it(
    "sees the public schema's comment removed (PostgreSQL ships it as 'standard public schema'): the catalog now compares it",
    async () => {
      const { catalog, dump } = await compared('select 1', 'comment on schema public is null;', 'select 1');
      expect(catalog.map((difference) => difference.message)).toEqual(['comment on schema public exists only on the right']);
      expect(dump.differences.map((difference) => [difference.type, difference.name, difference.leftLines, difference.explainedBy !== null])).toEqual([
        ['COMMENT', 'SCHEMA public', ["COMMENT ON SCHEMA public IS '';"], true],
      ]);
    },
    SLOW,
  );
});
