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
    TicketHistoryBuilder builder = new TicketHistoryBuilder();
    builder.events.add(
        new TicketEvent.TicketOpened(
            builder.id(), TICKET, at(Duration.ZERO), "desk", "acme", planId, priority));
    return builder;
  }

  static OffsetDateTime at(Duration offset) {
    return T0.plus(offset).atOffset(ZoneOffset.ofHours(8));
  }

  private String id() {
    return "e" + (++sequence);
  }

  TicketHistoryBuilder workStarted(Duration offset) {
    events.add(new TicketEvent.WorkStarted(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder resolved(Duration offset) {
    events.add(new TicketEvent.TicketResolved(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder reopened(Duration offset) {
    events.add(new TicketEvent.TicketReopened(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder paused(Duration offset) {
    events.add(new TicketEvent.TicketPaused(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder resumed(Duration offset) {
    events.add(new TicketEvent.TicketResumed(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder priorityChanged(Duration offset, String priority) {
    events.add(new TicketEvent.PriorityChanged(id(), TICKET, at(offset), "desk", priority));
    return this;
  }

  TicketHistoryBuilder downgraded(Duration offset, String priority) {
    events.add(new TicketEvent.TicketDowngraded(id(), TICKET, at(offset), "desk", priority));
    return this;
  }

  TicketHistoryBuilder closed(Duration offset) {
    events.add(new TicketEvent.TicketClosed(id(), TICKET, at(offset), "desk"));
    return this;
  }

  TicketHistoryBuilder agentReplied(Duration offset, ReplyVisibility visibility) {
    events.add(new TicketEvent.AgentReplied(id(), TICKET, at(offset), "desk", visibility));
    return this;
  }

  TicketHistoryBuilder customerReplied(Duration offset) {
    events.add(new TicketEvent.CustomerReplied(id(), TICKET, at(offset), "desk"));
    return this;
  }

  List<TicketEvent> events() {
    return List.copyOf(events);
  }
}
