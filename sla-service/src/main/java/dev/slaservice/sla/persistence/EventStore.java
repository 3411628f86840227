package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.EventType;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The append-only store of accepted events; a repeated event id is ignored. */
@ApplicationScoped
public class EventStore {

  private static final ColumnArrays.Shape EVENT =
      ColumnArrays.Shape.of(
          Type.TEXT.of("event_id"),
          Type.TEXT.of("event_type"),
          Type.TEXT.of("ticket_id"),
          Type.TEXT.of("customer_id"),
          Type.TIMESTAMPTZ.of("occurred_at"),
          Type.TIMESTAMPTZ.of("recorded_at"),
          Type.INTEGER.of("kafka_partition"),
          Type.BIGINT.of("kafka_offset"),
          Type.JSONB.of("payload"));

  /** In the batch's order, so that seq follows it. */
  private static final String INSERT =
      EVENT.insertInto("event_store")
          + " order by r.ord on conflict (event_id) do nothing returning event_id";

  /**
   * Appends the events that are not stored yet, in one statement.
   *
   * @return the events it stored, in the batch's order: a repeated event is not among them
   */
  public Uni<List<InboundEvent>> append(Sql sql, List<ConsumedEvent> events, Instant recordedAt) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    ColumnArrays rows = EVENT.rows(events.size());
    for (ConsumedEvent consumed : events) {
      InboundEvent event = consumed.event();
      rows.add(
          event.eventId(),
          event.eventType().wireName(),
          event instanceof TicketEvent t ? t.ticketId() : null,
          customerOf(event),
          event.occurredAt(),
          recordedAt,
          consumed.partition(),
          consumed.offset(),
          consumed.json());
    }
    return sql.write(INSERT, rows)
        .map(
            ids -> {
              Set<String> stored = new HashSet<>(ids.size());
              ids.forEach(row -> stored.add(row.getString(0)));
              List<InboundEvent> appended = new ArrayList<>(ids.size());
              for (ConsumedEvent consumed : events) {
                // a batch may carry one event twice: the statement stores it once
                if (stored.remove(consumed.event().eventId())) {
                  appended.add(consumed.event());
                }
              }
              return appended;
            });
  }

  private static String customerOf(InboundEvent event) {
    if (event instanceof CustomerEvent c) {
      return c.customerId();
    }
    return event instanceof TicketEvent.TicketOpened opened ? opened.customerId() : null;
  }

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

  /**
   * Up to {@code limit} of the ticket's events in {@code occurredAt} order (ties in arrival order),
   * after {@code after} (from the first when null).
   */
  public Uni<List<StoredEvent>> page(Sql sql, String ticketId, EventCursor after, int limit) {
    String statement =
        """
            select seq, event_id, event_type, occurred_at, recorded_at, cast(payload as text)
            from event_store where ticket_id = $1"""
            + (after == null ? "" : " and (occurred_at > $3 or (occurred_at = $3 and seq > $4))")
            + " order by occurred_at, seq limit $2";
    Tuple arguments = Tuple.of(ticketId, limit);
    if (after != null) {
      arguments.addValue(Sql.at(after.occurredAt())).addValue(after.seq());
    }
    return sql.list(
        statement,
        arguments,
        row ->
            new StoredEvent(
                row.getLong(0),
                row.getString(1),
                row.getString(2),
                Sql.instant(row, 3),
                Sql.instant(row, 4),
                tree(row.getString(5))));
  }

  private static JsonNode tree(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the event store holds an unreadable event: " + e.getOriginalMessage(), e);
    }
  }

  /** Through event_store_ticket_occurred_idx (V11). */
  static final String TICKET_HISTORIES =
      "select ticket_id, cast(payload as text) from event_store where ticket_id = any($1) order by seq";

  /** Each ticket's events in the order they were stored. */
  public Uni<Map<String, List<TicketEvent>>> ticketHistories(
      Sql sql, Collection<String> ticketIds) {
    return sql.query(TICKET_HISTORIES, Tuple.of(Sql.texts(ticketIds)))
        .map(rows -> grouped(rows, event -> (TicketEvent) event));
  }

  /** Walks event_store_ticket_occurred_idx (V11) for the ids, then reads their events. */
  static final String HISTORIES_AFTER =
      """
          with chunk as (
            select distinct ticket_id from event_store where ticket_id > $1
            order by ticket_id limit $2)
          select e.ticket_id, cast(e.payload as text) from event_store e join chunk using (ticket_id)
          order by e.ticket_id, e.seq""";

  /**
   * The histories of up to {@code limit} tickets after {@code after} in id order, each in the order
   * it was stored: a rebuild's walk through the store, a chunk per query.
   */
  public Uni<Map<String, List<TicketEvent>>> historiesAfter(Sql sql, String after, int limit) {
    return sql.query(HISTORIES_AFTER, Tuple.of(after, limit))
        .map(rows -> grouped(rows, event -> (TicketEvent) event));
  }

  /**
   * A customer event type's rows of the customers, read through the type's own partial index
   * (Flyway V10): a batch names hundreds of customers, each with thousands of ticket events.
   */
  static String customerEventsOf(EventType type) {
    return """
        select customer_id, cast(payload as text) from event_store where customer_id = any($1)
        and event_type = '"""
        + type.wireName()
        + "' order by seq";
  }

  /**
   * The customers' events of {@code type}, each mapped, by customer, in the order they were stored.
   */
  static <E extends CustomerEvent, T> Uni<Map<String, List<T>>> customerEvents(
      Sql sql,
      Collection<String> customerIds,
      EventType type,
      Class<E> javaType,
      Function<E, T> mapping) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return sql.query(customerEventsOf(type), Tuple.of(Sql.texts(customerIds)))
        .map(rows -> grouped(rows, event -> mapping.apply(javaType.cast(event))));
  }

  /** Each customer's subscriptions, in the order they were stored. */
  public Uni<Map<String, List<Subscription>>> subscriptions(
      Sql sql, Collection<String> customerIds) {
    return customerEvents(
        sql,
        customerIds,
        EventType.SUBSCRIPTION_CHANGED,
        CustomerEvent.SubscriptionChanged.class,
        EventStore::toSubscription);
  }

  /**
   * Every customer's subscriptions, in the order they were stored, through the partial index of
   * their type (V10).
   */
  public Uni<Map<String, List<Subscription>>> allSubscriptions(Sql sql) {
    return sql.query(
            "select customer_id, cast(payload as text) from event_store where event_type = '"
                + EventType.SUBSCRIPTION_CHANGED.wireName()
                + "' order by seq")
        .map(
            rows ->
                grouped(rows, event -> toSubscription((CustomerEvent.SubscriptionChanged) event)));
  }

  static Subscription toSubscription(CustomerEvent.SubscriptionChanged changed) {
    return Subscription.of(changed);
  }

  /** Rows of (key, stored JSON), each parsed and mapped, by key, in the rows' order. */
  private static <T> Map<String, List<T>> grouped(
      RowSet<Row> rows, Function<InboundEvent, T> mapping) {
    Map<String, List<T>> byKey = new LinkedHashMap<>();
    for (Row row : rows) {
      byKey
          .computeIfAbsent(row.getString(0), key -> new ArrayList<>())
          .add(mapping.apply(parse(row.getString(1))));
    }
    return byKey;
  }

  static InboundEvent parse(String storedJson) {
    try {
      return EventJson.mapper().readValue(storedJson, InboundEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the event store holds an unreadable event ("
              + e.getOriginalMessage()
              + "): "
              + storedJson.substring(0, Math.min(300, storedJson.length())),
          e);
    }
  }
}
