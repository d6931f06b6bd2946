-- Append-only audit log. Partitioned by month; the cron job in
-- cmd/partman creates next month's partition on the 25th.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    team_id     uuid NOT NULL,
    actor_id    uuid,
    action      text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}'::jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE audit_log_2024_01 PARTITION OF audit_log
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE audit_log_2024_02 PARTITION OF audit_log
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

CREATE INDEX audit_log_team_id_occurred_at_idx ON audit_log (team_id, occurred_at DESC);
