-- Compliance reports read how each ticket stands on each metric without opening its clocks' JSON:
-- per metric, the outcome (0 running, 1 paused, 2 met, 3 breached; null when the ticket has no such
-- clock) and, when met, the business seconds counted until it stopped. A reply metric is breached
-- when any of its cycles breached (its breach facts); its seconds are those of its latest cycle.
-- Kept with every projection write, like the other columns the ops reads filter by.
alter table ticket_projection
    add column response_outcome smallint,
    add column response_seconds integer,
    add column restore_outcome smallint,
    add column restore_seconds integer,
    add column resolution_outcome smallint,
    add column resolution_seconds integer,
    add column next_reply_outcome smallint,
    add column next_reply_seconds integer,
    add column periodic_update_outcome smallint,
    add column periodic_update_seconds integer;

do $$
declare
    metric text;
begin
    foreach metric in array array['RESPONSE', 'RESTORE', 'RESOLUTION', 'NEXT_REPLY', 'PERIODIC_UPDATE'] loop
        execute format($update$
            update ticket_projection t set %1$I = o.outcome, %2$I = o.seconds
            from (select p.ticket_id,
                         case when c->>'status' = 'BREACHED' or p.published @> cast(%3$L as jsonb) then 3
                              else case c->>'status' when 'RUNNING' then 0 when 'PAUSED' then 1 else 2 end
                         end as outcome,
                         case when c->>'status' = 'MET' and not p.published @> cast(%3$L as jsonb)
                              then cast(extract(epoch from cast(c->>'elapsed' as interval)) as integer)
                         end as seconds
                  from ticket_projection p, jsonb_array_elements(p.clocks) c
                  where p.opened and c->>'metric' = %4$L) o
            where t.ticket_id = o.ticket_id$update$,
            lower(metric) || '_outcome', lower(metric) || '_seconds',
            '[{"kind": "BREACH", "metric": "' || metric || '"}]', metric);
    end loop;
end
$$;

-- A report selects the tickets opened in its period.
create index ticket_projection_opened_at_idx on ticket_projection (opened_at) where opened;
