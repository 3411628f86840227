package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The customers whose statements are to be re-computed (ADR 0008). A customer is queued in the
 * same transaction as the change that affects its statement, so a crash loses no re-computation;
 * queued twice, it is re-computed once.
 */
@ApplicationScoped
public class CompensationQueue {

  public Uni<Void> enqueue(Mutiny.Session session, Collection<String> customerIds, Instant now) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    // in id order, as every writer of these rows: two transactions cannot wait for each other
    TreeSet<String> ids = new TreeSet<>(customerIds);
    ColumnArrays columns = new ColumnArrays(2, ids.size());
    ids.forEach(id -> columns.add(id, now));
    return columns.bind(session.createNativeQuery("insert into compensation_due (customer_id, since)"
            + " select customer_id, cast(since as timestamptz) from " + ColumnArrays.unnest("customer_id", "since")
            // not "do nothing": the no-op update waits for a drain holding the customer, whose
            // snapshot predates this change; the drain then deletes the row, and this insert
            // queues the customer again
            + " order by customer_id on conflict (customer_id) do update set since = compensation_due.since"))
        .executeUpdate().replaceWithVoid();
  }

  /**
   * Claims up to {@code limit} customers queued at least {@code settleTime} ago, longest waiting
   * first, skipping those another instance holds.
   */
  public Uni<List<String>> claim(Mutiny.Session session, int limit, Duration settleTime) {
    return session.createNativeQuery("select customer_id from compensation_due"
            + " where queued_at <= clock_timestamp() - make_interval(secs => :settle)"
            + " order by since, customer_id limit :limit for update skip locked", String.class)
        .setParameter("settle", settleTime.toMillis() / 1000.0)
        .setParameter("limit", limit).getResultList();
  }

  public Uni<Void> remove(Mutiny.Session session, Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return session.createNativeQuery("delete from compensation_due where customer_id in (:ids)")
        .setParameter("ids", customerIds).executeUpdate().replaceWithVoid();
  }
}
