package dev.slaservice.sla.domain.policy.definition;

import java.time.Duration;

/**
 * How long a clock may run: a fixed amount of business time, or a number of service days of its
 * calendar.
 */
public sealed interface Target {

  /** An ISO-8601 duration of business time, e.g. PT4H. */
  record Fixed(Duration duration) implements Target {}

  /** N service days: N times the service hours of the calendar's longest day. */
  record ServiceDays(int days) implements Target {}
}
