package dev.slaservice.sla.rest;

import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.TicketSla;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A ticket's clocks as GET /tickets/{ticketId} shows them; instants in UTC, durations ISO-8601. */
public record TicketView(String ticketId, String customerId, String planId, int planVersion, String priority,
                         String openedAt, String asOf, List<ClockView> clocks) {

  /** One clock. {@code deadline} is null while the clock is paused. */
  public record ClockView(String metric, String state, String target, String deadline, String elapsed,
                          String remaining, String stoppedAt, String calendarId, int calendarVersion,
                          boolean pausable) {

    static ClockView of(ClockReading clock) {
      return new ClockView(clock.metric().name(), clock.status().name(), text(clock.target()), text(clock.deadline()),
          text(clock.elapsed()), text(clock.remaining()), text(clock.stoppedAt()), clock.calendarId(),
          clock.calendarVersion(), clock.pausable());
    }
  }

  static TicketView of(TicketSla sla, Instant asOf) {
    return new TicketView(sla.ticketId(), sla.customerId(), sla.planId(), sla.planVersion(), sla.priority(),
        text(sla.openedAt()), text(asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), sla.clocks().stream().map(ClockView::of).toList());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Whole seconds: clocks are exact to the second, and sub-second noise only confuses readers. */
  private static String text(Duration duration) {
    return duration == null ? null : Duration.ofSeconds(duration.getSeconds()).toString();
  }
}
