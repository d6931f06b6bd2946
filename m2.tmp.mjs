import { PGlite } from '@electric-sql/pglite';
const setup = `
create table t (id int primary key, parent_id int references t(id), a int, g int generated always as (a * 2) stored, d int default 1);
create table other (id int, t_id int);
alter table other enable row level security;
create policy other_pol on other using (exists (select 1 from t where t.a = other.id));
create table kid (a int, x int) inherits (t);
create table pt (id int, a int, b int) partition by list (id);
create table pt_1 partition of pt for values in (1);
create index pt_b on pt (b);
create function trg() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger t_when after update on t for each row when (old.d is distinct from new.d) execute function trg();
create function sa() returns int language sql begin atomic select a from t limit 1; end;
`;
async function run(stmt) {
  const db = new PGlite();
  await db.exec(setup);
  let res;
  try { await db.exec(stmt); res = 'ok'; } catch (e) { res = 'ERR ' + e.message + (e.detail ? ' | DETAIL ' + e.detail : ''); }
  const objs = (await db.query(`
    select 'rel ' || relname as o from pg_class where relnamespace='public'::regnamespace and relkind in ('r','i','v','S','p','I')
    union all select 'con ' || conname || ' on ' || conrelid::regclass from pg_constraint where connamespace='public'::regnamespace
    union all select 'pol ' || polname from pg_policy
    union all select 'trg ' || tgname from pg_trigger where not tgisinternal
    union all select 'fn ' || proname from pg_proc where pronamespace='public'::regnamespace
    union all select 'col ' || attrelid::regclass || '.' || attname from pg_attribute where attrelid in ('kid'::regclass,'t'::regclass, 'pt_1'::regclass) and attnum>0 and not attisdropped
    order by 1`)).rows.map(r => r.o);
  return { res, objs };
}
const base = await run('select 1');
for (const s of process.argv.slice(2)) {
  const { res, objs } = await run(s);
  console.log('\n== ' + s + '\n' + res);
  console.log(' removed:', base.objs.filter(o => !objs.includes(o)).join(', '));
}
