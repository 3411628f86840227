-- What the ticket list filters and sorts by, kept with each re-fold.
-- at_risk_from: the earliest instant a running clock uses up its first warning share.
-- due_at: the deadline ops sort by, the earliest among running and breached clocks.
alter table ticket_projection add column at_risk_from timestamptz;
alter table ticket_projection add column due_at timestamptz;
create index ticket_projection_due_idx on ticket_projection (due_at, ticket_id) where opened;
create index ticket_projection_plan_idx on ticket_projection (plan_id) where opened;
create index event_store_ticket_occurred_idx on event_store (ticket_id, occurred_at, seq) where ticket_id is not null;
