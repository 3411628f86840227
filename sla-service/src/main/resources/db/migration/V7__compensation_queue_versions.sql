-- Each queueing of a customer counts up its row's version. The compensation drain no longer holds
-- queue rows while it re-computes: it notes the versions it read and, at its commit, removes only
-- rows still at those versions, so a change queued meanwhile stays queued and a breach never waits
-- for a drain.
alter table compensation_due add column version bigint not null default 0;
