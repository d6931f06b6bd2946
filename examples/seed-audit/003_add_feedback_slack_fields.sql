-- 003: track which Slack reply resolved a piece of feedback
alter table feedback add column if not exists slack_reply_ts varchar(255);
alter table feedback add column if not exists resolved boolean default false;
alter table feedback add column if not exists resolved_at timestamptz;
alter table feedback add column if not exists resolution_notes text;

-- the dashboard filters unresolved items constantly
create index if not exists idx_feedback_resolved on feedback(resolved) where resolved = false;
