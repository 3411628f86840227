package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.ClockStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * The form the contract's mapper gives a clock reading: what {@link ProjectionJson} must write into
 * {@code clocks}.
 */
record StoredClock(
    Metric metric,
    ClockStatus status,
    String calendarId,
    int calendarVersion,
    boolean pausable,
    Duration target,
    Instant deadline,
    Duration elapsed,
    Duration remaining,
    Instant stoppedAt,
    Instant atRiskFrom,
    Instant cycleStartedAt) {

  static StoredClock of(ClockReading r) {
    return new StoredClock(
        r.metric(),
        r.status(),
        r.calendarId(),
        r.calendarVersion(),
        r.pausable(),
        r.target(),
        r.deadline(),
        r.elapsed(),
        r.remaining(),
        r.stoppedAt(),
        r.atRiskFrom(),
        r.cycleStartedAt());
  }
}
