package dev.slaservice.sla.domain.calendar;

import java.time.Duration;
import java.time.Instant;

/** 24x7x365: every instant is business time. */
public record AlwaysOpenCalendar(String id) implements BusinessCalendar {

  public static final String ID = "24x7";

  public static AlwaysOpenCalendar instance() {
    return new AlwaysOpenCalendar(ID);
  }

  @Override
  public Instant addBusinessTime(Instant start, Duration amount) {
    requireNonNegative(amount);
    return start.plus(amount);
  }

  @Override
  public Duration businessTimeBetween(Instant from, Instant to) {
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }

  @Override
  public Instant nextOpen(Instant at) {
    return at;
  }

  @Override
  public Duration serviceDay() {
    return Duration.ofDays(1);
  }

  static void requireNonNegative(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("business time to add must not be negative: " + amount);
    }
  }
}
