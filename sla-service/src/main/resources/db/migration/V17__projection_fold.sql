-- Each ticket's fold (ADR 0016): what its events established, in the service's own JSON form, so a
-- later event is applied to it instead of re-reading and re-folding the ticket's whole history.
-- Text, not jsonb: the database never looks inside it. Null (every row before this migration, or a
-- form the service no longer reads) means the next change folds the history in full and writes it.
alter table ticket_projection add column fold text;
