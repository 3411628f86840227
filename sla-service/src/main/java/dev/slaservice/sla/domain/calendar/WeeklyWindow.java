package dev.slaservice.sla.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A weekly service window from a day and time to a day and time, local to the calendar's zone. It
 * may cross midnight and span days: Sunday 15:00 → Friday 17:00 is one window. An end at 00:00
 * means the start of that day; an end equal to the start is not a window.
 */
public record WeeklyWindow(
    DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {

  static final long WEEK_SECONDS = Duration.ofDays(7).toSeconds();

  public WeeklyWindow {
    Objects.requireNonNull(startDay, "startDay");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endDay, "endDay");
    Objects.requireNonNull(endTime, "endTime");
    if (startDay == endDay && startTime.equals(endTime)) {
      throw new IllegalArgumentException(
          "a window must not be empty: " + startDay + " " + startTime);
    }
  }

  /** Monday to Friday (or any days), the same hours each day. */
  public static List<WeeklyWindow> daily(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    return days.stream()
        .sorted()
        .map(
            day ->
                new WeeklyWindow(
                    day, opens, closes.equals(LocalTime.MIDNIGHT) ? day.plus(1) : day, closes))
        .toList();
  }

  /** Seconds from Monday 00:00 local time at which the window opens. */
  long startOffset() {
    return offset(startDay, startTime);
  }

  /** Seconds from the window's opening to its closing, in local (wall) time. */
  long lengthSeconds() {
    long length = offset(endDay, endTime) - startOffset();
    return length > 0 ? length : length + WEEK_SECONDS;
  }

  private static long offset(DayOfWeek day, LocalTime time) {
    return (day.getValue() - 1) * 86_400L + time.toSecondOfDay();
  }
}
