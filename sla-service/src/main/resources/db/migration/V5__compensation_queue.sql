-- Customers whose monthly statements must be re-computed: written in the transaction that changed
-- their breaches, exclusions, claims or subscriptions, and drained in transactions of their own.
create table compensation_due (
    customer_id varchar(128) primary key,
    since       timestamptz  not null
);
create index compensation_due_since_idx on compensation_due (since);
