-- login_count overflowed for the load-test accounts (integer max is 2,147,483,647).
ALTER TABLE users ALTER COLUMN login_count TYPE bigint;
