-- migrate:up
create table surveys (id int primary key, title text);
alter table surveys enable row level security;
create policy surveys_read on surveys for select using (true);

-- migrate:down
drop table surveys;
