package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.SlaExplainer;
import dev.slaservice.sla.domain.sla.SlaTimeline;
import dev.slaservice.sla.domain.sla.TicketSla;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads one ticket from the event store: its SLA at an instant, its timeline, its stored events.
 */
@ApplicationScoped
public class TicketQueries {

  /** A stored event and when the service stored it. */
  public record StoredEvent(
      long seq,
      String eventId,
      String eventType,
      Instant occurredAt,
      Instant recordedAt,
      JsonNode event) {}

  /** Where the previous page of events ended. */
  public record EventCursor(Instant occurredAt, long seq) {}

  private final Mutiny.SessionFactory sessions;
  private final EventStore eventStore;
  private final CatalogHolder catalog;

  public TicketQueries(
      Mutiny.SessionFactory sessions, EventStore eventStore, CatalogHolder catalog) {
    this.sessions = sessions;
    this.eventStore = eventStore;
    this.catalog = catalog;
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
    String sql =
        """
            select seq, event_id, event_type, occurred_at, recorded_at, cast(payload as text) from event_store
            where ticket_id = :ticketId"""
            + (after == null
                ? ""
                : " and (occurred_at > :afterOccurred or (occurred_at = :afterOccurred and seq > :afterSeq))")
            + " order by occurred_at, seq limit :limit";
    return sessions
        .withSession(
            session -> {
              var query =
                  session
                      .createNativeQuery(sql, Object[].class)
                      .setParameter("ticketId", ticketId)
                      .setParameter("limit", limit);
              if (after != null) {
                query
                    .setParameter("afterOccurred", after.occurredAt().atOffset(ZoneOffset.UTC))
                    .setParameter("afterSeq", after.seq());
              }
              return query.getResultList();
            })
        .map(
            rows ->
                rows.stream()
                    .map(
                        row ->
                            new StoredEvent(
                                ((Number) row[0]).longValue(),
                                (String) row[1],
                                (String) row[2],
                                SqlTimestamps.instant(row[3]),
                                SqlTimestamps.instant(row[4]),
                                json((String) row[5])))
                    .toList());
  }

  private static JsonNode json(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the event store holds an unreadable event: " + e.getOriginalMessage(), e);
    }
  }

  private interface Reading<T> {
    T read(SlaEvaluator evaluator, List<TicketEvent> history, List<Subscription> subscriptions);
  }

  private <T> Uni<Optional<T>> fold(String ticketId, Reading<T> reading) {
    return sessions.withSession(
        session ->
            catalog
                .refresh(session)
                .chain(
                    snapshot ->
                        eventStore
                            .ticketHistories(session, List.of(ticketId))
                            .chain(
                                histories ->
                                    eventStore
                                        .subscriptions(
                                            session, ProjectionUpdater.customersOf(histories))
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
                                            }))));
  }
}
