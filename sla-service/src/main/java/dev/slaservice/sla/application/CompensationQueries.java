package dev.slaservice.sla.application;

import dev.slaservice.sla.domain.compensation.Statement;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.persistence.EventStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads a customer's statements and subscription, computed from the books as they stand. */
@ApplicationScoped
public class CompensationQueries {

  /**
   * Whether the customer is known at all, and the month's statement if a subscription governs it.
   */
  public record Lookup(boolean customerKnown, Optional<Statement> statement) {}

  private final Mutiny.SessionFactory sessions;
  private final CompensationUpdater compensation;
  private final CatalogHolder catalog;
  private final EventStore eventStore;

  public CompensationQueries(
      Mutiny.SessionFactory sessions,
      CompensationUpdater compensation,
      CatalogHolder catalog,
      EventStore eventStore) {
    this.sessions = sessions;
    this.compensation = compensation;
    this.catalog = catalog;
    this.eventStore = eventStore;
  }

  public Uni<Lookup> statement(String customerId, YearMonth month) {
    return sessions.withSession(
        session ->
            catalog
                .refresh(session)
                .chain(
                    snapshot ->
                        compensation
                            .books(session, customerId)
                            .map(
                                books ->
                                    new Lookup(
                                        CompensationUpdater.isKnown(books),
                                        CompensationUpdater.statement(
                                            snapshot.catalog(), customerId, month, books)))));
  }

  /** The subscription in force at {@code now}, else the next one to start. */
  public Uni<Optional<Subscription>> subscription(String customerId, Instant now) {
    return sessions
        .withSession(session -> eventStore.subscriptions(session, List.of(customerId)))
        .map(
            all -> {
              var subscriptions = all.getOrDefault(customerId, List.of());
              return Subscription.inForceAt(subscriptions, now)
                  .or(
                      () ->
                          subscriptions.stream().min(Comparator.comparing(Subscription::startsAt)));
            });
  }
}
