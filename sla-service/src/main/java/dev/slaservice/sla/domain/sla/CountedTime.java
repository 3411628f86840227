package dev.slaservice.sla.domain.sla;

import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Business time counted over a clock's active wall-time intervals. */
final class CountedTime {

  private CountedTime() {}

  /** Business time counted in {@code active} before {@code upTo}. */
  static Duration until(List<Interval> active, BusinessCalendar calendar, Instant upTo) {
    Duration total = Duration.ZERO;
    for (Interval interval : active) {
      if (!interval.from().isBefore(upTo)) {
        break;
      }
      Instant end = interval.isOpen() || interval.to().isAfter(upTo) ? upTo : interval.to();
      total = total.plus(calendar.businessTimeBetween(interval.from(), end));
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of business time has been counted in {@code active}; null
   * when the intervals end before that.
   */
  static Instant reached(List<Interval> active, BusinessCalendar calendar, Duration amount) {
    Duration left = amount;
    for (Interval interval : active) {
      if (interval.isOpen()) {
        return calendar.addBusinessTime(interval.from(), left);
      }
      Duration available = calendar.businessTimeBetween(interval.from(), interval.to());
      if (available.compareTo(left) >= 0) {
        return calendar.addBusinessTime(interval.from(), left);
      }
      left = left.minus(available);
    }
    return null;
  }

  /** {@code running} with the {@code pauses} cut out; both sorted and disjoint. */
  static List<Interval> minus(List<Interval> running, List<Interval> pauses) {
    List<Interval> result = new ArrayList<>();
    for (Interval run : running) {
      Instant cursor = run.from();
      boolean ended = false;
      for (Interval pause : pauses) {
        if (!pause.isOpen() && !pause.to().isAfter(cursor)) {
          continue;
        }
        if (!run.isOpen() && !pause.from().isBefore(run.to())) {
          break;
        }
        if (pause.from().isAfter(cursor)) {
          result.add(new Interval(cursor, pause.from()));
        }
        if (pause.isOpen()) {
          ended = true;
          break;
        }
        cursor = pause.to().isAfter(cursor) ? pause.to() : cursor;
      }
      if (!ended && (run.isOpen() || cursor.isBefore(run.to()))) {
        result.add(new Interval(cursor, run.to()));
      }
    }
    return result;
  }
}
