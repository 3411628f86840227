package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One clock of a ticket: a metric under the ticket's plan, counted over {@code running}.
 *
 * @param cycleStart the start of the reply metric's cycle {@code running} is, null for a clock that
 *     runs once
 */
record TicketClock(
    Metric metric,
    Plan plan,
    TicketTimeline timeline,
    TicketCalendars calendars,
    List<Interval> running,
    Instant cycleStart) {

  Optional<ClockTerms> terms(String priority) {
    return plan.terms(priority, metric);
  }

  /** The intervals it counts: while running, less the paused time for a pausable clock. */
  List<Interval> active(boolean pausable) {
    return timeline.active(running, pausable);
  }

  /** The last interval it ran, open while it still runs. */
  Interval last() {
    return running.get(running.size() - 1);
  }

  boolean isRunningAt(Instant instant) {
    return running.stream().anyMatch(interval -> interval.contains(instant));
  }

  /**
   * The deadline under {@code terms} if the clock had gone on running without pause from {@code
   * from}.
   */
  Instant deadlineIfContinued(BusinessCalendar calendar, ClockTerms terms, Instant from) {
    return reachedIfContinued(calendar, terms.pausable(), terms.target(), from);
  }

  /**
   * When {@code amount} of business time is (or was) counted if the clock runs without pause from
   * {@code from}.
   */
  Instant reachedIfContinued(
      BusinessCalendar calendar, boolean pausable, Duration amount, Instant from) {
    List<Interval> active = active(pausable);
    Duration counted = CountedTime.until(active, calendar, from);
    Duration left = amount.minus(counted);
    if (left.isNegative()) {
      return CountedTime.reached(active, calendar, amount);
    }
    Instant reached = CountedTime.reached(active, calendar, amount);
    return reached != null && !reached.isAfter(from)
        ? reached
        : calendar.addBusinessTime(from, left);
  }
}
