package dev.slaservice.sla.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.domain.sla.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A ticket's clocks as GET /tickets/{ticketId} shows them; instants in UTC, durations ISO-8601,
 * display names in the client's language.
 */
public record TicketView(
    @JsonUnwrapped TicketHeading heading,
    String state,
    String stateName,
    String openedAt,
    String asOf,
    List<ClockView> clocks) {

  /**
   * One clock. {@code deadline} is null while the clock is paused; {@code state} is its state at
   * {@code asOf} (AT_RISK once the first warning share is used up). {@code cycleStartedAt} is set
   * for a reply metric only: the start of the cycle shown.
   */
  public record ClockView(
      String metric,
      String metricName,
      String state,
      String stateName,
      String target,
      String deadline,
      String atRiskFrom,
      String elapsed,
      String remaining,
      String stoppedAt,
      String calendarId,
      int calendarVersion,
      boolean pausable,
      String cycleStartedAt) {

    static ClockView of(ClockReading clock, Instant asOf, Locale locale) {
      TicketState state = TicketState.of(clock, asOf);
      return new ClockView(
          clock.metric().name(),
          Names.metric(locale, clock.metric()),
          state.name(),
          Names.state(locale, state),
          text(clock.target()),
          text(clock.deadline()),
          text(clock.atRiskFrom()),
          text(clock.elapsed()),
          text(clock.remaining()),
          text(clock.stoppedAt()),
          clock.calendarId(),
          clock.calendarVersion(),
          clock.pausable(),
          text(clock.cycleStartedAt()));
    }
  }

  static TicketView of(TicketSla sla, Instant asOf, Locale locale) {
    TicketState state = TicketState.of(sla.clocks(), asOf);
    return new TicketView(
        TicketHeading.of(sla, locale),
        state.name(),
        Names.state(locale, state),
        text(sla.openedAt()),
        text(asOf.truncatedTo(ChronoUnit.SECONDS)),
        sla.clocks().stream().map(c -> ClockView.of(c, asOf, locale)).toList());
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Whole seconds: clocks are exact to the second, and sub-second noise only confuses readers. */
  static String text(Duration duration) {
    return duration == null ? null : Duration.ofSeconds(duration.getSeconds()).toString();
  }
}
