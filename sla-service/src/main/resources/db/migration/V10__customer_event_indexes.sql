-- Subscriptions and compensation claims are a handful of rows among millions of ticket events.
-- Every consumed batch, timer batch and rebuild chunk reads the subscriptions of its tickets'
-- customers, and every statement reads its customer's claims. Through event_store_customer_idx
-- that meant every event of those customers: a batch touching a few hundred customers made
-- PostgreSQL read the whole event store (6,157 sequential scans, 1.58 billion rows, in one
-- benchmark run with 1.24M events). These indexes hold those rows alone.
create index event_store_subscriptions_idx on event_store (customer_id, seq)
    where event_type = 'SubscriptionChanged';
create index event_store_claims_idx on event_store (customer_id, seq)
    where event_type = 'CompensationClaimed';
