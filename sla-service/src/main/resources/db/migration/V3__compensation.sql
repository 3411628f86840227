-- Why a ticket's breaches earn no compensation (TicketExcluded), as of its last re-fold.
alter table ticket_projection add column excluded_reason varchar(40);
create index ticket_projection_breached_customer_idx on ticket_projection (customer_id) where status = 'BREACHED';

-- Per customer and month: what billing was told (credit lines and the issued amount).
create table compensation_month (
    customer_id varchar(128) not null,
    month       varchar(7)   not null,
    published   jsonb        not null,
    updated_at  timestamptz  not null,
    primary key (customer_id, month)
);
