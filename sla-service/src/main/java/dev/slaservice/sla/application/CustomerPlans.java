package dev.slaservice.sla.application;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.PlanAssignment;
import dev.slaservice.sla.persistence.EventStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Assigns plans to openings (ADR 0013) from the subscriptions stored so far, for the intake and for
 * the consumer alike.
 */
@ApplicationScoped
public class CustomerPlans {

  private final Mutiny.SessionFactory sessions;
  private final EventStore eventStore;
  private final CatalogHolder catalogs;

  public CustomerPlans(
      Mutiny.SessionFactory sessions, EventStore eventStore, CatalogHolder catalogs) {
    this.sessions = sessions;
    this.eventStore = eventStore;
    this.catalogs = catalogs;
  }

  /** One outcome per event, in order; fails only when the database cannot be read. */
  public Uni<List<PlanAssignment.Outcome>> assign(List<InboundEvent> events) {
    Set<String> customers =
        events.stream()
            .filter(TicketEvent.TicketOpened.class::isInstance)
            .map(e -> ((TicketEvent.TicketOpened) e).customerId())
            .collect(Collectors.toSet());
    if (customers.isEmpty()) {
      return Uni.createFrom()
          .item(() -> new PlanAssignment(catalogs.latest().catalog(), Map.of()).assign(events));
    }
    return sessions
        .withSession(session -> eventStore.subscriptions(session, customers))
        .map(stored -> new PlanAssignment(catalogs.latest().catalog(), stored).assign(events));
  }
}
