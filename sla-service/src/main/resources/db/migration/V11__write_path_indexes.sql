-- Every consumed batch inserts into event_store and upserts ticket_projection, and each index on
-- them is maintained on every row. In a benchmark's end-to-end phase these statements were two
-- thirds of PostgreSQL's time (pg_stat_statements), and these three indexes were never scanned:
-- event_store_ticket_idx: a ticket's events are found through event_store_ticket_occurred_idx,
--   which leads with ticket_id too; reads by several tickets sort by seq either way.
-- ticket_projection_customer_idx: a customer's tickets are found through
--   ticket_projection_customer_breached_idx (every ticket with a customer is opened).
-- ticket_projection_breached_customer_idx: statements go by the breached flag since V9.
drop index event_store_ticket_idx;
drop index ticket_projection_customer_idx;
drop index ticket_projection_breached_customer_idx;
