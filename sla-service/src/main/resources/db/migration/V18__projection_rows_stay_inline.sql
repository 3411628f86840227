-- A projection row (clocks, published facts and the kept fold of V17) is rewritten with every
-- change of its ticket and every timer. Past PostgreSQL's default of about 2 kB a row's long values
-- are compressed, or moved to the TOAST table, on every write, and read back from there on every
-- lock. Rows of up to 4 kB stay as they are.
alter table ticket_projection set (toast_tuple_target = 4096);
