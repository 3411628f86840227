package dev.slaservice.sla.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business hours as weekly windows in a time zone, minus holidays.
 *
 * <p>Work is done per local date: each date's open local spans are turned into instants with the
 * zone's rules, so a day is as long as the zone says (23 or 25 hours at DST changes). An opening
 * inside a DST gap opens when the gap ends; a closing inside a gap closes then too. Spans are
 * half-open; a target used up exactly at closing time is due at closing time.
 */
public final class WeeklyCalendar implements BusinessCalendar {

  /** Beyond this many days without an open hour, the calendar is taken to be closed for good. */
  private static final int MAX_CLOSED_DAYS = 3_660;

  private static final long DAY = 86_400L;

  private final String id;
  private final ZoneId zone;
  private final List<WeeklyWindow> windows;
  private final List<Holiday> holidays;

  /**
   * Per day of week (0 = Monday), the open seconds-of-day spans {start, end}, sorted and merged.
   */
  private final long[][][] weekly = new long[7][][];

  private final Map<LocalDate, List<Holiday>> holidaysByDate = new HashMap<>();

  /**
   * The open spans of each date asked for, kept: every ticket's clocks walk the same few hundred
   * dates, and turning a date's local spans into instants (the zone's rules) was most of the
   * calendar's cost end to end. The spans follow from the date alone, so keeping them changes no
   * answer; the map is emptied when it reaches {@link #REMEMBERED_DATES}.
   */
  private final Map<LocalDate, Instant[][]> openByDate = new ConcurrentHashMap<>();

  private static final int REMEMBERED_DATES = 4_096;
  private final Map<ZoneId, WeeklyCalendar> inZones = new ConcurrentHashMap<>();

  public WeeklyCalendar(
      String id, ZoneId zone, List<WeeklyWindow> windows, List<Holiday> holidays) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("calendar " + id + " has no service window");
    }
    this.id = id;
    this.zone = zone;
    this.windows = List.copyOf(windows);
    this.holidays = List.copyOf(holidays);
    holidays.forEach(h -> holidaysByDate.computeIfAbsent(h.date(), d -> new ArrayList<>()).add(h));
    List<List<long[]>> perDay = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      perDay.add(new ArrayList<>());
    }
    long[][] spans = weekSpans(windows);
    for (long[] span : spans) {
      for (long start = span[0]; start < span[1]; ) {
        int day = (int) (start / DAY);
        long end = Math.min(span[1], (day + 1) * DAY);
        perDay.get(day).add(new long[] {start - day * DAY, end - day * DAY});
        start = end;
      }
    }
    for (int d = 0; d < 7; d++) {
      weekly[d] = merge(perDay.get(d)).toArray(new long[0][]);
    }
  }

  /**
   * The windows as spans of seconds from Monday 00:00, within [0, one week); overlapping windows
   * are refused.
   */
  private static long[][] weekSpans(List<WeeklyWindow> windows) {
    List<long[]> spans = new ArrayList<>();
    for (WeeklyWindow window : windows) {
      long start = window.startOffset();
      long end = start + window.lengthSeconds();
      if (end <= WeeklyWindow.WEEK_SECONDS) {
        spans.add(new long[] {start, end});
      } else {
        spans.add(new long[] {start, WeeklyWindow.WEEK_SECONDS});
        spans.add(new long[] {0, end - WeeklyWindow.WEEK_SECONDS});
      }
    }
    spans.sort(Comparator.comparingLong(s -> s[0]));
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i)[0] < spans.get(i - 1)[1]) {
        throw new IllegalArgumentException("service windows overlap: " + windows);
      }
    }
    return spans.toArray(new long[0][]);
  }

  private static List<long[]> merge(List<long[]> spans) {
    spans.sort(Comparator.comparingLong(s -> s[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] span : spans) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= span[0]) {
        merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], span[1]);
      } else {
        merged.add(new long[] {span[0], span[1]});
      }
    }
    return merged;
  }

  @Override
  public String id() {
    return id;
  }

  public ZoneId zone() {
    return zone;
  }

  public List<WeeklyWindow> windows() {
    return windows;
  }

  public List<Holiday> holidays() {
    return holidays;
  }

  /**
   * The same hours in another zone (a contract's local time); one instance per zone, so that the
   * dates it remembers serve every ticket of the customers in that zone.
   */
  public WeeklyCalendar inZone(ZoneId otherZone) {
    return otherZone.equals(zone)
        ? this
        : inZones.computeIfAbsent(
            otherZone, other -> new WeeklyCalendar(id, other, windows, holidays));
  }

  @Override
  public Duration serviceDay() {
    long longest = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      long dayStart = (day.getValue() - 1) * DAY;
      long open = 0;
      for (WeeklyWindow window : windows) {
        // a window may run past Sunday midnight into next week's Monday: look at it one week on too
        for (long shift : new long[] {0, -WeeklyWindow.WEEK_SECONDS}) {
          long from = window.startOffset() + shift;
          long to = from + window.lengthSeconds();
          open += Math.max(0, Math.min(to, dayStart + DAY) - Math.max(from, dayStart));
        }
      }
      longest = Math.max(longest, open);
    }
    return Duration.ofSeconds(Math.min(longest, DAY));
  }

  @Override
  public Instant addBusinessTime(Instant start, Duration amount) {
    AlwaysOpenCalendar.requireNonNegative(amount);
    long leftNanos = amount.toNanos();
    LocalDate date = LocalDate.ofInstant(start, zone);
    for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; date = date.plusDays(1)) {
      Instant[][] open = openOn(date);
      closedDays = open.length == 0 ? closedDays + 1 : 0;
      for (Instant[] span : open) {
        if (!span[1].isAfter(start)) {
          continue;
        }
        Instant from = span[0].isAfter(start) ? span[0] : start;
        long available = Duration.between(from, span[1]).toNanos();
        if (available >= leftNanos) {
          return from.plusNanos(leftNanos);
        }
        leftNanos -= available;
      }
    }
    throw new IllegalStateException(
        "calendar " + id + " has no open hour for " + MAX_CLOSED_DAYS + " days");
  }

  @Override
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    long nanos = 0;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate date = LocalDate.ofInstant(from, zone);
        !date.isAfter(last);
        date = date.plusDays(1)) {
      for (Instant[] span : openOn(date)) {
        Instant start = span[0].isAfter(from) ? span[0] : from;
        Instant end = span[1].isBefore(to) ? span[1] : to;
        if (end.isAfter(start)) {
          nanos += Duration.between(start, end).toNanos();
        }
      }
    }
    return Duration.ofNanos(nanos);
  }

  @Override
  public Instant nextOpen(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, zone);
    for (int days = 0; days <= MAX_CLOSED_DAYS; days++, date = date.plusDays(1)) {
      for (Instant[] span : openOn(date)) {
        if (span[1].isAfter(at)) {
          return span[0].isAfter(at) ? span[0] : at;
        }
      }
    }
    throw new IllegalStateException(
        "calendar " + id + " has no open hour for " + MAX_CLOSED_DAYS + " days");
  }

  /**
   * The open spans of one local date as instants, holidays removed; callers must not change them.
   */
  Instant[][] openOn(LocalDate date) {
    Instant[][] open = openByDate.get(date);
    if (open == null) {
      open = spansOn(date);
      if (openByDate.size() >= REMEMBERED_DATES) {
        openByDate.clear();
      }
      openByDate.put(date, open);
    }
    return open;
  }

  private Instant[][] spansOn(LocalDate date) {
    long[][] spans = weekly[date.getDayOfWeek().getValue() - 1];
    List<Holiday> closed = holidaysByDate.get(date);
    List<Instant[]> open = new ArrayList<>(spans.length);
    for (long[] span : spans) {
      if (closed == null) {
        add(open, date, span[0], span[1]);
      } else {
        for (long[] piece : minusHolidays(span, closed)) {
          add(open, date, piece[0], piece[1]);
        }
      }
    }
    return open.toArray(new Instant[0][]);
  }

  private void add(List<Instant[]> open, LocalDate date, long fromSecond, long toSecond) {
    Instant from = instant(date, fromSecond);
    Instant to = instant(date, toSecond);
    if (to.isAfter(from)) {
      open.add(new Instant[] {from, to});
    }
  }

  private Instant instant(LocalDate date, long secondOfDay) {
    if (secondOfDay >= DAY) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    if (secondOfDay == 0) {
      return date.atStartOfDay(zone).toInstant();
    }
    return ZonedDateTime.of(LocalDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay)), zone)
        .toInstant();
  }

  private static List<long[]> minusHolidays(long[] span, List<Holiday> closed) {
    List<long[]> pieces = new ArrayList<>();
    pieces.add(span);
    for (Holiday holiday : closed) {
      List<long[]> next = new ArrayList<>();
      for (long[] piece : pieces) {
        if (holiday.toSecond() <= piece[0] || holiday.fromSecond() >= piece[1]) {
          next.add(piece);
          continue;
        }
        if (holiday.fromSecond() > piece[0]) {
          next.add(new long[] {piece[0], holiday.fromSecond()});
        }
        if (holiday.toSecond() < piece[1]) {
          next.add(new long[] {holiday.toSecond(), piece[1]});
        }
      }
      pieces = next;
    }
    return pieces;
  }
}
