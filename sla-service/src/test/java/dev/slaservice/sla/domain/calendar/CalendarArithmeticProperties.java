package dev.slaservice.sla.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Calendar arithmetic over random weekly calendars, zones (with and without DST) and instants. */
class CalendarArithmeticProperties {

  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Asia/Shanghai",
          "America/Los_Angeles",
          "America/Sao_Paulo",
          "Europe/London",
          "Australia/Lord_Howe",
          "Asia/Kolkata",
          "Pacific/Chatham");

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
    // up to 4 windows: each a start slot and a length, laid out one after another so they never
    // overlap
    Arbitrary<List<Integer>> slots =
        Arbitraries.integers()
            .between(1, 48)
            .list()
            .ofMinSize(2)
            .ofMaxSize(8)
            .filter(l -> l.size() % 2 == 0);
    Arbitrary<List<LocalDate>> holidays =
        Arbitraries.integers()
            .between(0, 3 * 365)
            .map(d -> LocalDate.of(2018, 1, 1).plusDays(d))
            .list()
            .ofMaxSize(20);
    return Combinators.combine(zones, slots, holidays)
        .as(
            (zone, gapsAndLengths, days) -> {
              List<WeeklyWindow> windows = new ArrayList<>();
              long cursor = 0;
              for (int i = 0; i < gapsAndLengths.size(); i += 2) {
                long start = cursor + gapsAndLengths.get(i) * 1_800L;
                long end = start + gapsAndLengths.get(i + 1) * 1_800L;
                if (end > WeeklyWindow.WEEK_SECONDS) {
                  break;
                }
                windows.add(new WeeklyWindow(day(start), time(start), day(end), time(end)));
                cursor = end;
              }
              if (windows.isEmpty()) {
                windows.add(
                    new WeeklyWindow(
                        DayOfWeek.MONDAY,
                        LocalTime.of(9, 0),
                        DayOfWeek.MONDAY,
                        LocalTime.of(17, 0)));
              }
              return new WeeklyCalendar(
                  "random",
                  zone,
                  windows,
                  days.stream().map(d -> Holiday.wholeDay(d, "h")).toList());
            });
  }

  private static DayOfWeek day(long secondOfWeek) {
    return DayOfWeek.of((int) (secondOfWeek / 86_400 % 7) + 1);
  }

  private static LocalTime time(long secondOfWeek) {
    return LocalTime.ofSecondOfDay(secondOfWeek % 86_400);
  }

  /** Any second, or (half the time) a half-hour boundary, where windows open and close. */
  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.longs()
            .between(
                Instant.parse("2018-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2020-12-31T00:00:00Z").getEpochSecond());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, seconds.map(Instant::ofEpochSecond)),
        net.jqwik.api.Tuple.of(1, seconds.map(s -> Instant.ofEpochSecond(s - s % 1_800))));
  }

  /**
   * Any number of seconds, or (half the time) whole half-hours, so due instants land on closings.
   */
  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            1, Arbitraries.longs().between(1, 300L * 3600).map(Duration::ofSeconds)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.longs().between(1, 600).map(n -> Duration.ofMinutes(30 * n))));
  }

  @Property(tries = 300)
  void addingInTwoStepsEqualsAddingTheSum(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant t,
      @ForAll("durations") Duration a,
      @ForAll("durations") Duration b) {
    assertThat(calendar.addBusinessTime(calendar.addBusinessTime(t, a), b))
        .isEqualTo(calendar.addBusinessTime(t, a.plus(b)));
  }

  @Property(tries = 300)
  void businessTimeUpToTheDueInstantIsTheAmountAdded(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant t,
      @ForAll("durations") Duration d) {
    assertThat(calendar.businessTimeBetween(t, calendar.addBusinessTime(t, d))).isEqualTo(d);
  }

  @Property(tries = 300)
  void addIsMonotonicInTheStartAndTheAmount(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant t,
      @ForAll("durations") Duration d,
      @ForAll("durations") Duration later) {
    Instant due = calendar.addBusinessTime(t, d);
    assertThat(calendar.addBusinessTime(t.plus(later), d)).isAfterOrEqualTo(due);
    assertThat(calendar.addBusinessTime(t, d.plus(later))).isAfterOrEqualTo(due);
  }

  @Property(tries = 300)
  void aDueInstantIsInsideAWindowOrAtItsEnd(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant t,
      @ForAll("durations") Duration d) {
    Instant due = calendar.addBusinessTime(t, d);
    assertThat(calendar.businessTimeBetween(due.minusSeconds(1), due))
        .isEqualTo(Duration.ofSeconds(1));
  }
}
