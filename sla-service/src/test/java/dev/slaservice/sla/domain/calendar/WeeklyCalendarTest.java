package dev.slaservice.sla.domain.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeeklyCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  static WeeklyCalendar fiveByEight(ZoneId zone, Holiday... holidays) {
    return new WeeklyCalendar(
        "emq-5x8",
        zone,
        WeeklyWindow.daily(
            EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0)),
        List.of(holidays));
  }

  static WeeklyCalendar orangeskyTwentyFourByFive() {
    return new WeeklyCalendar(
        "orangesky-24x5",
        LOS_ANGELES,
        List.of(new WeeklyWindow(SUNDAY, LocalTime.of(15, 0), FRIDAY, LocalTime.of(17, 0))),
        List.of());
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Nested
  class GivenEmqFiveByEightInTheContractsZone {
    private final WeeklyCalendar calendar = fiveByEight(SHANGHAI);

    @Test
    void whenAFaultComesFridayAt1830ThenCountingStartsMondayAt0900() {
      assertThat(calendar.nextOpen(at("2026-11-20T18:30:00+08:00")))
          .isEqualTo(at("2026-11-23T09:00:00+08:00"));
      assertThat(calendar.addBusinessTime(at("2026-11-20T18:30:00+08:00"), ofHours(2)))
          .isEqualTo(at("2026-11-23T11:00:00+08:00"));
    }

    @Test
    void whenATargetIsUsedUpExactlyAtClosingTimeThenItIsDueAtClosingTime() {
      assertThat(calendar.addBusinessTime(at("2026-11-18T14:00:00+08:00"), ofHours(4)))
          .isEqualTo(at("2026-11-18T18:00:00+08:00"));
      assertThat(
              calendar.addBusinessTime(at("2026-11-18T14:00:00+08:00"), ofHours(4).plusSeconds(1)))
          .isEqualTo(at("2026-11-19T09:00:01+08:00"));
    }

    @Test
    void whenAHolidayFallsInsideTheTargetThenItIsSkipped() {
      WeeklyCalendar withNationalDay =
          fiveByEight(SHANGHAI, Holiday.wholeDay(LocalDate.of(2026, 10, 1), "National Day"));
      assertThat(withNationalDay.addBusinessTime(at("2026-09-30T16:00:00+08:00"), ofHours(4)))
          .isEqualTo(at("2026-10-02T11:00:00+08:00"));
      assertThat(
              withNationalDay.businessTimeBetween(
                  at("2026-09-30T00:00:00+08:00"), at("2026-10-03T00:00:00+08:00")))
          .isEqualTo(ofHours(18));
    }

    @Test
    void whenAHolidayTakesPartOfADayThenOnlyThoseHoursAreClosed() {
      WeeklyCalendar halfDay =
          fiveByEight(
              SHANGHAI,
              new Holiday(
                  LocalDate.of(2026, 12, 31),
                  LocalTime.of(12, 0),
                  LocalTime.MIDNIGHT,
                  "New Year's Eve afternoon"));
      assertThat(halfDay.addBusinessTime(at("2026-12-31T11:00:00+08:00"), ofHours(2)))
          .isEqualTo(at("2027-01-01T10:00:00+08:00"));
    }

    @Test
    void whenTheSameHoursAreAgreedInAnotherZoneThenTheyCountThere() {
      assertThat(
              calendar.inZone(ZoneId.of("Europe/Berlin")).nextOpen(at("2026-11-23T08:00:00+01:00")))
          .isEqualTo(at("2026-11-23T09:00:00+01:00"));
    }
  }

  @Nested
  class GivenOrangeskyTwentyFourByFive {
    private final WeeklyCalendar calendar = orangeskyTwentyFourByFive();

    @Test
    void whenFourHoursStartFridayAt1659ThenTheyEndSundayAt1859PacificTime() {
      assertThat(calendar.addBusinessTime(at("2026-11-20T16:59:00-08:00"), ofHours(4)))
          .isEqualTo(at("2026-11-22T18:59:00-08:00"));
    }

    @Test
    void whenCountingAWholeWeekThenItHolds122Hours() {
      assertThat(
              calendar.businessTimeBetween(
                  at("2026-11-16T00:00:00-08:00"), at("2026-11-23T00:00:00-08:00")))
          .isEqualTo(ofHours(24 * 5 + 2));
    }
  }

  @Nested
  class GivenDaylightSavingChangesInsideAWindow {
    private final WeeklyCalendar nights =
        new WeeklyCalendar(
            "nights",
            LOS_ANGELES,
            List.of(new WeeklyWindow(SATURDAY, LocalTime.of(22, 0), SUNDAY, LocalTime.of(4, 0))),
            List.of());

    @Test
    void whenClocksSpringForwardThenTheWindowHoldsFiveHours() {
      assertThat(
              nights.businessTimeBetween(
                  at("2026-03-07T12:00:00-08:00"), at("2026-03-08T12:00:00-07:00")))
          .isEqualTo(ofHours(5));
      assertThat(nights.addBusinessTime(at("2026-03-07T22:00:00-08:00"), ofHours(5)))
          .isEqualTo(at("2026-03-08T04:00:00-07:00"));
      assertThat(nights.addBusinessTime(at("2026-03-07T22:00:00-08:00"), ofHours(3)))
          .isEqualTo(at("2026-03-08T02:00:00-07:00"))
          .isEqualTo(at("2026-03-08T03:00:00-07:00").minus(ofHours(1)));
    }

    @Test
    void whenClocksFallBackThenTheWindowHoldsSevenHours() {
      assertThat(
              nights.businessTimeBetween(
                  at("2026-10-31T12:00:00-07:00"), at("2026-11-01T12:00:00-08:00")))
          .isEqualTo(ofHours(7));
      assertThat(nights.addBusinessTime(at("2026-10-31T22:00:00-07:00"), ofHours(7)))
          .isEqualTo(at("2026-11-01T04:00:00-08:00"));
    }

    @Test
    void whenMidnightDoesNotExistInSaoPauloThenTheDayOpensWhenItStarts() {
      WeeklyCalendar allWeek =
          new WeeklyCalendar(
              "all-week",
              SAO_PAULO,
              WeeklyWindow.daily(
                  EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
              List.of());
      assertThat(allWeek.addBusinessTime(at("2018-11-03T23:00:00-03:00"), ofHours(2)))
          .isEqualTo(at("2018-11-04T02:00:00-02:00"));
      WeeklyCalendar earlySunday =
          new WeeklyCalendar(
              "early-sunday",
              SAO_PAULO,
              List.of(new WeeklyWindow(SUNDAY, LocalTime.MIDNIGHT, SUNDAY, LocalTime.of(6, 0))),
              List.of());
      assertThat(earlySunday.nextOpen(at("2018-11-03T23:30:00-03:00")))
          .isEqualTo(at("2018-11-04T01:00:00-02:00"));
      assertThat(
              earlySunday.businessTimeBetween(
                  at("2018-11-03T00:00:00-03:00"), at("2018-11-05T00:00:00-02:00")))
          .isEqualTo(ofHours(5));
    }
  }

  @Nested
  class GivenOneCalendarAskedAboutManyDates {

    @Test
    void whenItHasBeenAskedAboutMoreDatesThanItRemembersThenItAnswersAsAFreshOne() {
      WeeklyCalendar used =
          fiveByEight(SAO_PAULO, Holiday.wholeDay(LocalDate.of(2026, 12, 25), "Christmas"));
      Instant start = at("2026-01-01T07:30:00-03:00");
      // 6,000 starting dates, over the dates the calendar keeps, each asked twice
      for (int pass = 0; pass < 2; pass++) {
        for (int day = 0; day < 6_000; day += 1) {
          Instant from = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(day % 600));
          WeeklyCalendar fresh =
              fiveByEight(SAO_PAULO, Holiday.wholeDay(LocalDate.of(2026, 12, 25), "Christmas"));
          assertThat(used.addBusinessTime(from, Duration.ofHours(day % 50)))
              .isEqualTo(fresh.addBusinessTime(from, Duration.ofHours(day % 50)));
        }
      }
    }

    @Test
    void whenMovedToAnotherZoneTwiceThenBothAreTheSameHoursThere() {
      WeeklyCalendar calendar = fiveByEight(SHANGHAI);
      assertThat(calendar.inZone(LOS_ANGELES)).isSameAs(calendar.inZone(LOS_ANGELES));
      assertThat(
              calendar
                  .inZone(LOS_ANGELES)
                  .addBusinessTime(at("2026-11-20T17:30:00-08:00"), Duration.ofHours(1)))
          .isEqualTo(at("2026-11-23T09:30:00-08:00"));
      assertThat(calendar.inZone(SHANGHAI)).isSameAs(calendar);
    }
  }

  @Test
  void overlappingOrEmptyWindowsAreRefused() {
    assertThatThrownBy(
            () ->
                new WeeklyCalendar(
                    "x",
                    SHANGHAI,
                    List.of(
                        new WeeklyWindow(MONDAY, LocalTime.of(9, 0), MONDAY, LocalTime.of(18, 0)),
                        new WeeklyWindow(MONDAY, LocalTime.of(17, 0), MONDAY, LocalTime.of(20, 0))),
                    List.of()))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> new WeeklyWindow(MONDAY, LocalTime.NOON, MONDAY, LocalTime.NOON))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new WeeklyCalendar("x", SHANGHAI, List.of(), List.of()))
        .hasMessageContaining("no service window");
  }

  @Test
  void businessTimeBackwardsIsZeroAndNegativeAmountsAreRefused() {
    WeeklyCalendar calendar = fiveByEight(SHANGHAI);
    assertThat(
            calendar.businessTimeBetween(
                at("2026-11-18T14:00:00+08:00"), at("2026-11-18T10:00:00+08:00")))
        .isZero();
    assertThatThrownBy(() -> calendar.addBusinessTime(Instant.EPOCH, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(calendar.addBusinessTime(at("2026-11-18T14:00:00+08:00"), ofMinutes(0)))
        .isEqualTo(at("2026-11-18T14:00:00+08:00"));
  }
}
