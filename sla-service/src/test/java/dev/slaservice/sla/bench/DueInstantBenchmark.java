package dev.slaservice.sla.bench;

import dev.slaservice.sla.domain.calendar.Holiday;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Due-instant computation on a 5x8 calendar (Asia/Shanghai) with a year of public holidays, for
 * starts spread over the year and targets of 2 h to 72 h. Not a test: run it with the command in
 * docs/benchmarks.md; it prints figures and never fails a build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DueInstantBenchmark {

  private static final Duration[] TARGETS = {
    Duration.ofHours(2),
    Duration.ofHours(4),
    Duration.ofHours(8),
    Duration.ofHours(24),
    Duration.ofHours(72)
  };

  private WeeklyCalendar calendar;
  private Instant[] starts;
  private int next;

  @Setup
  public void setUp() {
    List<Holiday> holidays = new ArrayList<>();
    int[][] closedDays = {
      {1, 1}, {2, 16}, {2, 17}, {2, 18}, {2, 19}, {2, 20}, {2, 23}, {4, 6}, {5, 1}, {5, 4}, {5, 5},
      {6, 19}, {9, 25}, {10, 1}, {10, 2}, {10, 5}, {10, 6}, {10, 7}
    };
    for (int[] day : closedDays) {
      holidays.add(Holiday.wholeDay(LocalDate.of(2026, day[0], day[1]), "public holiday"));
    }
    calendar =
        new WeeklyCalendar(
            "emq-5x8",
            ZoneId.of("Asia/Shanghai"),
            WeeklyWindow.daily(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(18, 0)),
            holidays);
    Random random = new Random(42);
    long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    starts = new Instant[4096];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * 365 * 86_400));
    }
  }

  @Benchmark
  public Instant dueInstant() {
    int i = next++ & (starts.length - 1);
    return calendar.addBusinessTime(starts[i], TARGETS[i % TARGETS.length]);
  }
}
