-- Verify flipr:users on pg

BEGIN;

SELECT 1;

ROLLBACK;
