package dev.slaservice.sla.domain.sla;

import java.time.Instant;

/** A half-open span of wall time {@code [from, to)}; {@code to == null} means it has not ended. */
public record Interval(Instant from, Instant to) {

  boolean isOpen() {
    return to == null;
  }

  boolean contains(Instant instant) {
    return !instant.isBefore(from) && (to == null || instant.isBefore(to));
  }
}
