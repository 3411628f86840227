package dev.slaservice.sla.persistence;

import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.sla.TicketSla;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads a ticket's SLA as of an instant, folded from the event store. */
@ApplicationScoped
public class TicketQueries {

  private final Mutiny.SessionFactory sessions;
  private final EventStore eventStore;
  private final CatalogHolder catalog;

  public TicketQueries(Mutiny.SessionFactory sessions, EventStore eventStore, CatalogHolder catalog) {
    this.sessions = sessions;
    this.eventStore = eventStore;
    this.catalog = catalog;
  }

  /** Empty when no event of the ticket is stored. */
  public Uni<Optional<TicketSla>> at(String ticketId, Instant instant) {
    return sessions.withSession(session -> catalog.refresh(session)
        .chain(snapshot -> eventStore.ticketHistories(session, List.of(ticketId))
            .chain(histories -> eventStore.subscriptions(session, ProjectionUpdater.customersOf(histories))
                .map(subscriptions -> {
                  List<TicketEvent> history = histories.get(ticketId);
                  return history == null ? Optional.<TicketSla>empty()
                      : Optional.of(snapshot.evaluator().evaluate(ticketId, history,
                          ProjectionUpdater.subscriptionsOf(history, subscriptions), instant));
                }))));
  }
}
