-- Plans defined or changed through PUT /plans/{planId}. Built-in plans are version 1 in data files
-- shipped with the service; a version here takes effect at effective_from and never replaces an
-- earlier one. A retired version (retired_at set) opens no new ticket; no version is ever deleted.
create table plan_version (
    plan_id        varchar(64)  not null,
    version        integer      not null,
    effective_from timestamptz  not null,
    definition     jsonb        not null,
    retired_at     timestamptz,
    created_at     timestamptz  not null,
    primary key (plan_id, version)
);
