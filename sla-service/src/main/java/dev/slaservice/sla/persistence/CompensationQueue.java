package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The customers whose statements are to be re-computed (ADR 0008). A customer is queued in the same
 * transaction as the change that affects its statement, so a crash loses no re-computation; queued
 * twice, it is re-computed once.
 *
 * <p>A drain holds no queue row while it re-computes: the change that queues a customer (a breach)
 * never waits for a drain. Each queueing counts up the row's version; the drain removes a customer
 * only if its version is still the one it read before reading the books.
 */
@ApplicationScoped
public class CompensationQueue {

  /** A queued customer as a drain read it. */
  public record Queued(String customerId, long version) {}

  private final CompensationStore store;

  public CompensationQueue(CompensationStore store) {
    this.store = store;
  }

  public Uni<Void> enqueue(Mutiny.Session session, Collection<String> customerIds, Instant now) {
    // in id order, as every writer of these rows: two transactions cannot wait for each other
    TreeSet<String> ids = new TreeSet<>(customerIds);
    ColumnArrays columns = new ColumnArrays(2, ids.size());
    ids.forEach(id -> columns.add(id, now));
    return columns.write(
        session,
        """
            insert into compensation_due (customer_id, since)
            select customer_id, cast(since as timestamptz) from\s"""
            + ColumnArrays.unnest("customer_id", "since")
            + " order by customer_id on conflict (customer_id)"
            + " do update set version = compensation_due.version + 1");
  }

  /**
   * Up to {@code limit} customers queued at least {@code settleTime} ago, longest waiting first,
   * that no other drain is re-computing: each returned customer's compensation lock is taken (after
   * the compensation table's, the order every compensation writer keeps), the others skipped.
   */
  public Uni<List<Queued>> claim(Mutiny.Session session, int limit, Duration settleTime) {
    return store
        .lockTable(session)
        .chain(
            () ->
                session
                    .createNativeQuery(
                        """
                            select customer_id, version from (select customer_id, version, since
                            from compensation_due where queued_at <= clock_timestamp() - make_interval(secs => :settle)
                            order by since, customer_id limit :limit) due
                            where pg_try_advisory_xact_lock("""
                            + CompensationStore.lockKey("customer_id")
                            + ")"
                            + " order by since, customer_id",
                        Object[].class)
                    .setParameter("settle", settleTime.toMillis() / 1000.0)
                    .setParameter("limit", limit)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(row -> new Queued((String) row[0], ((Number) row[1]).longValue()))
                    .toList());
  }

  /**
   * Removes the customers still at the versions the drain read. A customer queued again since then
   * stays, and waits the settle time again from now.
   */
  public Uni<Void> remove(Mutiny.Session session, Collection<Queued> drained) {
    Map<String, Long> versions = new TreeMap<>();
    drained.forEach(q -> versions.put(q.customerId(), q.version()));
    ColumnArrays columns = new ColumnArrays(2, versions.size());
    versions.forEach((customer, version) -> columns.add(customer, version));
    // rows locked in id order, as enqueue locks them
    return columns.write(
        session,
        """
            with drained as (select customer_id, cast(version as bigint)
            version from\s"""
            + ColumnArrays.unnest("customer_id", "version")
            + "), locked as (select q.customer_id,"
            + " q.version = d.version unchanged from compensation_due q join drained d using (customer_id)"
            + " order by q.customer_id for update of q), removed as (delete from"
            + " compensation_due q using locked l"
            + " where q.customer_id = l.customer_id and l.unchanged returning q.customer_id)"
            + " update compensation_due q set queued_at = clock_timestamp() from locked l"
            + " where q.customer_id = l.customer_id and not l.unchanged");
  }
}
