-- migrate:up
comment on table surveys is 'Surveys';
comment on column surveys.title is 'not_pii';
comment on column surveys.report_id is 'a column no migration made';
comment on column surveys.id is 'never applied: the file rolled back';

-- migrate:down
