-- Verify flipr:flips on pg

BEGIN;

SELECT 1;

ROLLBACK;
