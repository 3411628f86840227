package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds one ticket's events at offsets from its opening, in arrival order. */
final class TicketHistoryBuilder {

  static final String TICKET = "T-1";
  static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

  private final List<TicketEvent> events = new ArrayList<>();
  private int sequence;

  static TicketHistoryBuilder opened(String planId, String priority) {
    return new TicketHistoryBuilder()
        .add(
            Duration.ZERO,
            (id, ticket, at, source) ->
                new TicketEvent.TicketOpened(id, ticket, at, source, "acme", planId, priority));
  }

  static OffsetDateTime at(Duration offset) {
    return T0.plus(offset).atOffset(ZoneOffset.ofHours(8));
  }

  /** A fact of the ticket: the event with these common fields. */
  @FunctionalInterface
  private interface Fact {
    TicketEvent of(String id, String ticketId, OffsetDateTime occurredAt, String source);
  }

  /** A fact of the ticket that carries one more value. */
  @FunctionalInterface
  private interface FactWith<T> {
    TicketEvent of(String id, String ticketId, OffsetDateTime occurredAt, String source, T value);
  }

  private TicketHistoryBuilder add(Duration offset, Fact fact) {
    events.add(fact.of("e" + (++sequence), TICKET, at(offset), "desk"));
    return this;
  }

  private <T> TicketHistoryBuilder add(Duration offset, FactWith<T> fact, T value) {
    return add(offset, (id, ticket, at, source) -> fact.of(id, ticket, at, source, value));
  }

  TicketHistoryBuilder workStarted(Duration offset) {
    return add(offset, TicketEvent.WorkStarted::new);
  }

  TicketHistoryBuilder resolved(Duration offset) {
    return add(offset, TicketEvent.TicketResolved::new);
  }

  TicketHistoryBuilder reopened(Duration offset) {
    return add(offset, TicketEvent.TicketReopened::new);
  }

  TicketHistoryBuilder paused(Duration offset) {
    return add(offset, TicketEvent.TicketPaused::new);
  }

  TicketHistoryBuilder resumed(Duration offset) {
    return add(offset, TicketEvent.TicketResumed::new);
  }

  TicketHistoryBuilder priorityChanged(Duration offset, String priority) {
    return add(offset, TicketEvent.PriorityChanged::new, priority);
  }

  TicketHistoryBuilder downgraded(Duration offset, String priority) {
    return add(offset, TicketEvent.TicketDowngraded::new, priority);
  }

  TicketHistoryBuilder closed(Duration offset) {
    return add(offset, TicketEvent.TicketClosed::new);
  }

  TicketHistoryBuilder agentReplied(Duration offset, ReplyVisibility visibility) {
    return add(offset, TicketEvent.AgentReplied::new, visibility);
  }

  TicketHistoryBuilder customerReplied(Duration offset) {
    return add(offset, TicketEvent.CustomerReplied::new);
  }

  List<TicketEvent> events() {
    return List.copyOf(events);
  }
}
