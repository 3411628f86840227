package dev.slaservice.sla.webhook;

import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes the events of one delivery. Their eventIds derive from the connection, the delivery id and
 * the event's place in the delivery, so a retried delivery yields the same ids and has no second
 * effect. At most one event of each type per delivery.
 */
final class Emitter {

  private static final int MAX_ID = 128;

  private final HelpdeskConnection connection;
  private final String deliveryId;
  private final String ticketId;
  private final List<TicketEvent> events = new ArrayList<>();

  Emitter(HelpdeskConnection connection, String deliveryId, String nativeTicketId) {
    this.connection = connection;
    this.deliveryId = deliveryId;
    this.ticketId = connection.ticketId(nativeTicketId);
  }

  private String nextId() {
    String id = connection.name() + ":" + deliveryId + ":" + events.size();
    if (id.length() <= MAX_ID && id.codePoints().allMatch(c -> c > 0x20 && c != 0x7f)) {
      return id;
    }
    return "webhook-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
  }

  private boolean has(Class<? extends TicketEvent> type) {
    return events.stream().anyMatch(type::isInstance);
  }

  /** Makes a ticket event that carries only its id, ticket, time and source. */
  private interface BareEvent {
    TicketEvent of(String eventId, String ticketId, OffsetDateTime occurredAt, String source);
  }

  /** Adds the event unless the delivery has one of its type already. */
  private void once(Class<? extends TicketEvent> type, BareEvent event, OffsetDateTime at) {
    if (!has(type)) {
      events.add(event.of(nextId(), ticketId, at, connection.name()));
    }
  }

  void opened(OffsetDateTime at, String customerId, String priority) {
    events.add(
        new TicketEvent.TicketOpened(
            nextId(), ticketId, at, connection.name(), customerId, connection.plan(), priority));
  }

  void priority(OffsetDateTime at, String priority) {
    if (!has(TicketEvent.PriorityChanged.class)) {
      events.add(
          new TicketEvent.PriorityChanged(nextId(), ticketId, at, connection.name(), priority));
    }
  }

  void agentReplied(OffsetDateTime at, ReplyVisibility visibility) {
    events.add(new TicketEvent.AgentReplied(nextId(), ticketId, at, connection.name(), visibility));
  }

  void customerReplied(OffsetDateTime at) {
    events.add(new TicketEvent.CustomerReplied(nextId(), ticketId, at, connection.name()));
  }

  void workStarted(OffsetDateTime at) {
    once(TicketEvent.WorkStarted.class, TicketEvent.WorkStarted::new, at);
  }

  void resolved(OffsetDateTime at) {
    once(TicketEvent.TicketResolved.class, TicketEvent.TicketResolved::new, at);
  }

  void closed(OffsetDateTime at) {
    once(TicketEvent.TicketClosed.class, TicketEvent.TicketClosed::new, at);
  }

  void reopened(OffsetDateTime at) {
    once(TicketEvent.TicketReopened.class, TicketEvent.TicketReopened::new, at);
  }

  void paused(OffsetDateTime at) {
    once(TicketEvent.TicketPaused.class, TicketEvent.TicketPaused::new, at);
  }

  void resumed(OffsetDateTime at) {
    once(TicketEvent.TicketResumed.class, TicketEvent.TicketResumed::new, at);
  }

  /**
   * The events of moving from a status meaning {@code from} to one meaning {@code to} (either may
   * be null: not configured, read as an active status).
   */
  void transition(OffsetDateTime at, StatusAction from, StatusAction to) {
    boolean wasDone = from != null && from.done();
    boolean isDone = to != null && to.done();
    if (wasDone && !isDone) {
      reopened(at);
    }
    // a pause also ends when the ticket is resolved or closed, so a reopened ticket is not paused
    if (from == StatusAction.PAUSE && to != StatusAction.PAUSE) {
      resumed(at);
    }
    if (to == StatusAction.PAUSE && from != StatusAction.PAUSE) {
      paused(at);
    }
    if (to == StatusAction.IN_PROGRESS && from != StatusAction.IN_PROGRESS) {
      workStarted(at);
    }
    if (to == StatusAction.RESOLVE && !wasDone) {
      resolved(at);
    }
    if (to == StatusAction.CLOSE && from != StatusAction.CLOSE) {
      closed(at);
    }
  }

  List<TicketEvent> events() {
    return List.copyOf(events);
  }
}
