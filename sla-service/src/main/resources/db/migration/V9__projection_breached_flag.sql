-- Whether a ticket has a published breach, kept beside its facts. Every compensation statement
-- splits its customer's tickets into those with a breach (read) and those without (counted per
-- quarter-hour); testing each ticket's jsonb facts for that scanned every ticket of the customer's
-- facts on every re-computation. The index covers both reads of a customer's opened tickets.
alter table ticket_projection add column breached boolean not null default false;
update ticket_projection set breached = true where published @> cast('[{"kind": "BREACH"}]' as jsonb);
create index ticket_projection_customer_breached_idx on ticket_projection (customer_id, breached, opened_at)
    include (excluded_reason) where opened;
