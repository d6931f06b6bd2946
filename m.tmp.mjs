import { PGlite } from '@electric-sql/pglite';
const setup = `
create table p (id int primary key, code text unique, a int, b int, note text, tags text[]);
create table c (id int, p_code text references p(code), p_id int references p(id));
create index p_ab on p (a, b);
create index p_expr on p ((a + 1));
create index p_where on p (id) where b > 0;
alter table p add constraint p_ab_check check (a < b);
alter table p add constraint p_a_check check (a > 0);
alter table p add constraint p_ab_uniq unique (a, b);
alter table p enable row level security;
create policy p_pol on p using (a > 0);
create policy p_pol2 on p using (true) with check (b > 0);
create function trg() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger p_upd before update of a on p for each row execute function trg();
create trigger p_when before update on p for each row when (new.b > 0) execute function trg();
create trigger p_plain before insert on p for each row execute function trg();
create view v_a as select id, a from p;
create view v_b as select id from p where b > 0;
create view v_all as select * from p;
create statistics p_stats on a, b from p;
create statistics p_stats2 on a, note from p;
create function uses_row(p) returns int language sql as 'select 1';
create table kids (x int) inherits (p);
comment on column p.a is 'x';
grant select (a) on p to public;
`;
async function run(stmt) {
  const db = new PGlite();
  await db.exec(setup);
  let res;
  try { await db.exec(stmt); res = 'ok'; } catch (e) { res = 'ERR ' + e.message + (e.detail ? ' | DETAIL ' + e.detail : ''); }
  const objs = (await db.query(`
    select 'rel ' || relname as o from pg_class where relnamespace='public'::regnamespace and relkind in ('r','i','v','S')
    union all select 'con ' || conname || ' on ' || conrelid::regclass from pg_constraint where connamespace='public'::regnamespace
    union all select 'pol ' || polname from pg_policy
    union all select 'trg ' || tgname from pg_trigger where not tgisinternal
    union all select 'stat ' || stxname from pg_statistic_ext
    union all select 'col kids.' || attname from pg_attribute where attrelid='kids'::regclass and attnum>0 and not attisdropped
    order by 1`)).rows.map(r => r.o);
  return { res, objs };
}
const base = await run('select 1');
for (const s of process.argv.slice(2)) {
  const { res, objs } = await run(s);
  console.log('\n== ' + s + '\n' + res);
  console.log(' removed:', base.objs.filter(o => !objs.includes(o)).join(', '));
}
