-- When a customer was queued by the database's own clock: the drain leaves a customer queued for
-- sla.compensation.settle-time, so a burst of breaches re-computes its statement once, not once
-- per drain run. Wall time, not the service clock: this paces work, it does not judge a deadline.
alter table compensation_due add column queued_at timestamptz not null default clock_timestamp();
