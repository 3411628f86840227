package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** What a rebuild reads and wipes: the ids to walk, their totals, and the projection tables. */
@ApplicationScoped
public class RebuildStore {

  /** Held for a whole rebuild from scratch: readers go on, every writer of these tables waits. */
  static final String LOCK_TABLES =
      "lock table ticket_projection, sla_timer, compensation_month in exclusive mode";

  /** Walks event_store_ticket_occurred_idx (V11). */
  static final String NEXT_TICKETS =
      """
          select distinct ticket_id from event_store where ticket_id > :after
          order by ticket_id limit :limit""";

  /** How many tickets and customers the event store names. */
  public record Totals(long tickets, long customers) {}

  public Uni<Totals> totals(Mutiny.Session session) {
    return session
        .createNativeQuery(
            """
                select (select count(distinct ticket_id) from event_store where ticket_id is not null),
                (select count(distinct customer_id) from event_store where customer_id is not null)""",
            Object[].class)
        .getSingleResult()
        .map(row -> new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
  }

  /**
   * Takes the projection tables for the rest of the transaction and empties them: timers,
   * compensation months and projection rows.
   */
  public Uni<Void> lockAndWipe(Mutiny.Session session) {
    return session
        .createNativeQuery(LOCK_TABLES)
        .executeUpdate()
        .chain(() -> session.createNativeQuery("delete from sla_timer").executeUpdate())
        .chain(() -> session.createNativeQuery("delete from compensation_month").executeUpdate())
        .chain(() -> session.createNativeQuery("delete from ticket_projection").executeUpdate())
        .replaceWithVoid();
  }

  /** Up to {@code limit} ticket ids after {@code after}, in id order. */
  public Uni<List<String>> nextTickets(Mutiny.Session session, String after, int limit) {
    return session
        .createNativeQuery(NEXT_TICKETS, String.class)
        .setParameter("after", after)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** Up to {@code limit} customer ids after {@code after}, in id order. */
  public Uni<List<String>> nextCustomers(Mutiny.Session session, String after, int limit) {
    return session
        .createNativeQuery(
            """
                select distinct customer_id from event_store where customer_id > :after
                order by customer_id limit :limit""",
            String.class)
        .setParameter("after", after)
        .setParameter("limit", limit)
        .getResultList();
  }
}
