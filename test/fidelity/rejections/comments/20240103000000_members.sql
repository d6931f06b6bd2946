-- migrate:up
comment on constraint surveys_pkey on surveys is 'the key';
comment on policy nope on surveys is 'no such policy';

-- migrate:down
