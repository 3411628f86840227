-- Every accepted event, once: the source of truth the projection can be rebuilt from.
create table event_store (
    seq             bigserial    primary key,
    event_id        varchar(128) not null,
    event_type      varchar(40)  not null,
    ticket_id       varchar(128),
    customer_id     varchar(128),
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    payload         jsonb        not null,
    constraint event_store_event_id_unique unique (event_id)
);
create index event_store_ticket_idx on event_store (ticket_id, seq) where ticket_id is not null;
create index event_store_customer_idx on event_store (customer_id, seq) where customer_id is not null;

-- Per ticket: its SLA as of the last change, and the facts already told to the world.
create table ticket_projection (
    ticket_id     varchar(128) primary key,
    opened        boolean      not null,
    customer_id   varchar(128),
    plan_id       varchar(128),
    plan_version  integer,
    priority      varchar(64),
    opened_at     timestamptz,
    status        varchar(16),
    next_deadline timestamptz,
    clocks        jsonb        not null,
    published     jsonb        not null,
    event_count   integer      not null,
    updated_at    timestamptz  not null
);
create index ticket_projection_status_deadline_idx on ticket_projection (status, next_deadline);
create index ticket_projection_customer_idx on ticket_projection (customer_id);

-- The next instant each ticket's SLA changes by time alone (a warning or a deadline).
create table sla_timer (
    ticket_id varchar(128) primary key,
    due_at    timestamptz  not null
);
create index sla_timer_due_idx on sla_timer (due_at);

-- Integration events written in the same transaction as the projection, published by the relay.
create table outbox (
    id          bigserial    primary key,
    topic       varchar(100) not null,
    record_key  varchar(128) not null,
    event_id    varchar(64)  not null,
    event_type  varchar(40)  not null,
    payload     text         not null,
    created_at  timestamptz  not null
);
