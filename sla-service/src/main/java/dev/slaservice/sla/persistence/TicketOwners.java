package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Which customer each ticket belongs to, as its TicketOpened said. */
@ApplicationScoped
public class TicketOwners {

  private final Mutiny.SessionFactory sessions;

  public TicketOwners(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /**
   * The customer of each of these tickets that is known and opened; others are absent from the map.
   */
  public Uni<Map<String, String>> customersOf(Collection<String> ticketIds) {
    if (ticketIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return sessions
        .withSession(
            session ->
                session
                    .createNativeQuery(
                        "select ticket_id, customer_id from ticket_projection where ticket_id in"
                            + " (:ids) and customer_id is not null",
                        Object[].class)
                    .setParameter("ids", ticketIds)
                    .getResultList())
        .map(
            rows -> {
              Map<String, String> owners = new HashMap<>();
              rows.forEach(row -> owners.put((String) row[0], (String) row[1]));
              return owners;
            });
  }
}
