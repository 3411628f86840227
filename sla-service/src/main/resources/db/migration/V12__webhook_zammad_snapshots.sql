-- Zammad posts snapshots without previous values: what was last seen of each ticket, per
-- connection, so the next snapshot's changes can be derived (docs/adr/0011-helpdesk-webhooks.md).
create table webhook_zammad_snapshot (
    connection   text        not null,
    ticket       text        not null,
    state        text        not null,
    priority     text,
    first_response boolean   not null,
    updated_at   timestamptz not null,
    primary key (connection, ticket)
);
