package dev.slaservice.sla.application;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.PlanAssignment;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assigns plans to openings (ADR 0013) from the subscriptions stored so far, for the intake and for
 * the consumer alike.
 */
@ApplicationScoped
public class CustomerPlans {

  private final Pool pool;
  private final EventStore eventStore;
  private final CatalogHolder catalogs;

  public CustomerPlans(Pool pool, EventStore eventStore, CatalogHolder catalogs) {
    this.pool = pool;
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
    return eventStore
        .subscriptions(Sql.of(pool), customers)
        .map(stored -> new PlanAssignment(catalogs.latest().catalog(), stored).assign(events));
  }
}
