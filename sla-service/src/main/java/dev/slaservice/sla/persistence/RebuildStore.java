package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a rebuild reads and wipes: the ids to walk, their totals, and the projection tables. */
@ApplicationScoped
public class RebuildStore {

  /** Held for a whole rebuild from scratch: readers go on, every writer of these tables waits. */
  static final String LOCK_TABLES =
      "lock table ticket_projection, sla_timer, compensation_month in exclusive mode";

  /** Walks event_store_ticket_occurred_idx (V11). */
  static final String NEXT_TICKETS =
      """
          select distinct ticket_id from event_store where ticket_id > $1
          order by ticket_id limit $2""";

  /** How many tickets and customers the event store names. */
  public record Totals(long tickets, long customers) {}

  public Uni<Totals> totals(Sql sql) {
    return sql.query(
            """
                select (select count(distinct ticket_id) from event_store where ticket_id is not null),
                (select count(distinct customer_id) from event_store where customer_id is not null)""")
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Totals(row.getLong(0), row.getLong(1));
            });
  }

  /**
   * Takes the projection tables for the rest of the transaction and empties them: timers,
   * compensation months and projection rows.
   */
  public Uni<Void> lockAndWipe(Sql sql) {
    return sql.query(LOCK_TABLES)
        .chain(() -> sql.query("delete from sla_timer"))
        .chain(() -> sql.query("delete from compensation_month"))
        .chain(() -> sql.query("delete from ticket_projection"))
        .replaceWithVoid();
  }

  /** Up to {@code limit} ticket ids after {@code after}, in id order. */
  public Uni<List<String>> nextTickets(Sql sql, String after, int limit) {
    return sql.list(NEXT_TICKETS, Tuple.of(after, limit), row -> row.getString(0));
  }

  /** Up to {@code limit} customer ids after {@code after}, in id order. */
  public Uni<List<String>> nextCustomers(Sql sql, String after, int limit) {
    return sql.list(
        """
                select distinct customer_id from event_store where customer_id > $1
                order by customer_id limit $2""",
        Tuple.of(after, limit),
        row -> row.getString(0));
  }
}
