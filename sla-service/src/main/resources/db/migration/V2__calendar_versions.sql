-- Calendars created or changed through the API. Built-in calendars are version 1 in code;
-- a version here takes effect at effective_from and never replaces an earlier one.
create table calendar_version (
    calendar_id    varchar(64)  not null,
    version        integer      not null,
    effective_from timestamptz  not null,
    definition     jsonb        not null,
    created_at     timestamptz  not null,
    primary key (calendar_id, version)
);
