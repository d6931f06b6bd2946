-- Written for a change that was never added to sqitch.plan: sqitch deploy never runs it.
BEGIN;

CREATE TABLE flipr.flips_archive (LIKE flipr.flips);

COMMIT;
