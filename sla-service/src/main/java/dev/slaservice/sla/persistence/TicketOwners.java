package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Which customer each ticket belongs to, as its TicketOpened said. */
@ApplicationScoped
public class TicketOwners {

  private final Pool pool;

  public TicketOwners(Pool pool) {
    this.pool = pool;
  }

  /**
   * The customer of each of these tickets that is known and opened; others are absent from the map.
   */
  public Uni<Map<String, String>> customersOf(Collection<String> ticketIds) {
    if (ticketIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Sql.of(pool)
        .query(
            "select ticket_id, customer_id from ticket_projection where ticket_id ="
                + " any($1) and customer_id is not null",
            Tuple.of(Sql.texts(ticketIds)))
        .map(
            rows -> {
              Map<String, String> owners = new HashMap<>();
              rows.forEach(row -> owners.put(row.getString(0), row.getString(1)));
              return owners;
            });
  }
}
