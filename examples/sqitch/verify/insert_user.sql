-- Verify flipr:insert_user on pg

BEGIN;

SELECT 1;

ROLLBACK;
