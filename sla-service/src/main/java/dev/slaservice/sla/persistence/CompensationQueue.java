package dev.slaservice.sla.persistence;

import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

  /** A customer queued, and when. */
  private static final ColumnArrays.Shape DUE =
      ColumnArrays.Shape.of(Type.TEXT.of("customer_id"), Type.TIMESTAMPTZ.of("since"));

  private static final String ENQUEUE =
      DUE.insertInto("compensation_due")
          + " order by customer_id on conflict (customer_id)"
          + " do update set version = compensation_due.version + 1";

  /** A drained customer at the version the drain read. */
  private static final ColumnArrays.Shape DRAINED =
      ColumnArrays.Shape.of(Type.TEXT.of("customer_id"), Type.BIGINT.of("version"));

  private static final String REMOVE =
      "with drained as ("
          + DRAINED.select()
          + "), locked as (select q.customer_id, q.version = d.version unchanged"
          + " from compensation_due q join drained d using (customer_id)"
          + " order by q.customer_id for update of q), removed as (delete from"
          + " compensation_due q using locked l"
          + " where q.customer_id = l.customer_id and l.unchanged returning q.customer_id)"
          + " update compensation_due q set queued_at = clock_timestamp() from locked l"
          + " where q.customer_id = l.customer_id and not l.unchanged";

  /** A queued customer as a drain read it. */
  public record Queued(String customerId, long version) {}

  private final CompensationStore store;

  public CompensationQueue(CompensationStore store) {
    this.store = store;
  }

  public Uni<Void> enqueue(Sql sql, Collection<String> customerIds, Instant now) {
    // in id order, as every writer of these rows: two transactions cannot wait for each other
    TreeSet<String> ids = new TreeSet<>(customerIds);
    ColumnArrays rows = DUE.rows(ids.size());
    ids.forEach(id -> rows.add(id, now));
    return sql.write(ENQUEUE, rows).replaceWithVoid();
  }

  /**
   * Up to {@code limit} customers queued at least {@code settleTime} ago, longest waiting first,
   * that no other drain is re-computing: each returned customer's compensation lock is taken (after
   * the compensation table's, the order every compensation writer keeps), the others skipped.
   */
  public Uni<List<Queued>> claim(Sql sql, int limit, Duration settleTime) {
    return store
        .lockTable(sql)
        .chain(
            () ->
                sql.list(
                    """
                            select customer_id, version from (select customer_id, version, since
                            from compensation_due where queued_at <= clock_timestamp() - make_interval(secs => $1)
                            order by since, customer_id limit $2) due
                            where pg_try_advisory_xact_lock("""
                        + CompensationStore.lockKey("customer_id")
                        + ")"
                        + " order by since, customer_id",
                    Tuple.of(settleTime.toMillis() / 1000.0, limit),
                    row -> new Queued(row.getString(0), row.getLong(1))));
  }

  /**
   * Removes the customers still at the versions the drain read. A customer queued again since then
   * stays, and waits the settle time again from now.
   */
  public Uni<Void> remove(Sql sql, Collection<Queued> drained) {
    Map<String, Long> versions = new TreeMap<>();
    drained.forEach(q -> versions.put(q.customerId(), q.version()));
    ColumnArrays rows = DRAINED.rows(versions.size());
    versions.forEach((customer, version) -> rows.add(customer, version));
    // rows locked in id order, as enqueue locks them
    return sql.write(REMOVE, rows).replaceWithVoid();
  }
}
