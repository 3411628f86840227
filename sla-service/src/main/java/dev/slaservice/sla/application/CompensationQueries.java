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

/** Reads a customer's statements and subscription, computed from the books as they stand. */
@ApplicationScoped
public class CompensationQueries {

  /**
   * Whether the customer is known at all, and the month's statement if a subscription governs it.
   */
  public record Lookup(boolean customerKnown, Optional<Statement> statement) {}

  private final CatalogReads reads;
  private final CompensationUpdater compensation;
  private final EventStore eventStore;

  public CompensationQueries(
      CatalogReads reads, CompensationUpdater compensation, EventStore eventStore) {
    this.reads = reads;
    this.compensation = compensation;
    this.eventStore = eventStore;
  }

  public Uni<Lookup> statement(String customerId, YearMonth month) {
    return reads.readWithCatalog(
        (sql, snapshot) ->
            compensation
                .books(sql, customerId)
                .map(
                    books ->
                        new Lookup(
                            CompensationUpdater.isKnown(books),
                            CompensationUpdater.statement(
                                snapshot.catalog(), customerId, month, books))));
  }

  /** The subscription in force at {@code now}, else the next one to start. */
  public Uni<Optional<Subscription>> subscription(String customerId, Instant now) {
    return reads
        .read(sql -> eventStore.subscriptions(sql, List.of(customerId)))
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
