package dev.slaservice.sla.domain.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A local date on which service is closed: the whole day, or from {@code from} to {@code to}
 * ({@code to} = 00:00 means until the end of the day).
 */
public record Holiday(LocalDate date, LocalTime from, LocalTime to, String name) {

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
      throw new IllegalArgumentException(
          "a holiday's closed hours must end after they start: " + date);
    }
  }

  public static Holiday wholeDay(LocalDate date, String name) {
    return new Holiday(date, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, name);
  }

  /** Seconds of the local day the closure starts and ends. */
  long fromSecond() {
    return from.toSecondOfDay();
  }

  long toSecond() {
    return to.equals(LocalTime.MIDNIGHT) ? 86_400L : to.toSecondOfDay();
  }
}
