package dev.slaservice.sla.application;

import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.SlaExplainer;
import dev.slaservice.sla.domain.sla.SlaTimeline;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.EventStore.EventCursor;
import dev.slaservice.sla.persistence.EventStore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads one ticket from the event store: its SLA at an instant, its timeline, its stored events.
 */
@ApplicationScoped
public class TicketQueries {

  private final CatalogReads reads;
  private final EventStore eventStore;

  public TicketQueries(CatalogReads reads, EventStore eventStore) {
    this.reads = reads;
    this.eventStore = eventStore;
  }

  /**
   * The ticket's SLA at {@code instant} from everything known now; empty when no event of it is
   * stored.
   */
  public Uni<Optional<TicketSla>> at(String ticketId, Instant instant) {
    return fold(
        ticketId,
        (evaluator, history, subscriptions) ->
            evaluator.evaluate(ticketId, history, subscriptions, instant));
  }

  /** The ticket as it stood at {@code instant}: only the events that had happened by then. */
  public Uni<Optional<TicketSla>> asOf(String ticketId, Instant instant) {
    return fold(
        ticketId,
        (evaluator, history, subscriptions) ->
            evaluator.asOf(ticketId, history, subscriptions, instant));
  }

  /** Why the ticket's clocks read what they read at {@code instant}. */
  public Uni<Optional<SlaTimeline>> timeline(String ticketId, Instant instant) {
    return fold(
        ticketId,
        (evaluator, history, subscriptions) ->
            new SlaExplainer(evaluator).explain(ticketId, history, subscriptions, instant));
  }

  /**
   * Up to {@code limit} of the ticket's events in {@code occurredAt} order (ties in arrival order).
   */
  public Uni<List<StoredEvent>> events(String ticketId, EventCursor after, int limit) {
    return reads.read(sql -> eventStore.page(sql, ticketId, after, limit));
  }

  private interface Reading<T> {
    T read(SlaEvaluator evaluator, List<TicketEvent> history, List<Subscription> subscriptions);
  }

  private <T> Uni<Optional<T>> fold(String ticketId, Reading<T> reading) {
    return reads.readWithCatalog(
        (sql, snapshot) ->
            eventStore
                .ticketHistories(sql, List.of(ticketId))
                .chain(
                    histories ->
                        eventStore
                            .subscriptions(sql, ProjectionUpdater.customersOf(histories))
                            .map(
                                subscriptions -> {
                                  List<TicketEvent> history = histories.get(ticketId);
                                  return history == null
                                      ? Optional.<T>empty()
                                      : Optional.of(
                                          reading.read(
                                              snapshot.evaluator(),
                                              history,
                                              ProjectionUpdater.subscriptionsOf(
                                                  history, subscriptions)));
                                })));
  }
}
