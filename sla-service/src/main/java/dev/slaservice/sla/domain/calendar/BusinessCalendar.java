package dev.slaservice.sla.domain.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * When a service team is on the clock. SLA clocks count only time inside the calendar's service
 * hours.
 *
 * <p>Edge convention: windows are half-open {@code [opens, closes)}. A target used up exactly at
 * closing time is due at closing time, not at the next opening.
 */
public interface BusinessCalendar {

  String id();

  /** The instant at which {@code amount} of business time has been counted from {@code start}. */
  Instant addBusinessTime(Instant start, Duration amount);

  /**
   * Business time counted from {@code from} to {@code to}; zero when {@code to} is not after {@code
   * from}.
   */
  Duration businessTimeBetween(Instant from, Instant to);

  /** {@code at} itself when the calendar is open then, otherwise the next instant it opens. */
  Instant nextOpen(Instant at);

  /**
   * One service day: the service hours of the calendar's longest day (9 h on a 09:00-18:00
   * calendar, 24 h on an always-open one). Targets given in days count service days.
   */
  Duration serviceDay();
}
