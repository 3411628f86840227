package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.util.Objects;

/**
 * One clock of a plan's priority: what it measures, its target in business time, on which calendar.
 */
public record ClockTerms(Metric metric, Duration target, String calendarId, boolean pausable) {

  public ClockTerms {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(calendarId, "calendarId");
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("a clock target must be positive: " + target);
    }
  }
}
