-- The plan and clock metric of each SLA record, written with it, so the relay counts what it
-- published (sla_published_total{type,plan,metric}) without parsing every payload it sends again.
-- Compensation records have neither; records written before this migration are relayed uncounted.
alter table outbox add column plan_id text, add column metric text;
