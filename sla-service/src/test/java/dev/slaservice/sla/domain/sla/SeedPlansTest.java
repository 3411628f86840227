package dev.slaservice.sla.domain.sla;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.Holiday;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.policy.VersionedCatalog;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three vendors' built-in plans, judged through the whole fold. */
class SeedPlansTest {

  private final BuiltInCatalog builtIn = new BuiltInCatalog();
  private final SlaEvaluator evaluator = new SlaEvaluator(builtIn);

  private static final class Ticket {
    private final List<TicketEvent> events = new ArrayList<>();
    private int sequence;

    Ticket(String plan, String priority, String openedAt) {
      events.add(
          new TicketEvent.TicketOpened(
              id(), "T", OffsetDateTime.parse(openedAt), "desk", "acme", plan, priority));
    }

    private String id() {
      return "e" + (++sequence);
    }

    Ticket workStarted(String at) {
      events.add(new TicketEvent.WorkStarted(id(), "T", OffsetDateTime.parse(at), "desk"));
      return this;
    }

    Ticket paused(String at) {
      events.add(new TicketEvent.TicketPaused(id(), "T", OffsetDateTime.parse(at), "desk"));
      return this;
    }

    Ticket resumed(String at) {
      events.add(new TicketEvent.TicketResumed(id(), "T", OffsetDateTime.parse(at), "desk"));
      return this;
    }

    Ticket priorityChanged(String at, String priority) {
      events.add(
          new TicketEvent.PriorityChanged(id(), "T", OffsetDateTime.parse(at), "desk", priority));
      return this;
    }
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private TicketSla judge(Ticket ticket, String now) {
    return evaluator.evaluate("T", ticket.events, at(now));
  }

  private TicketSla judge(Ticket ticket, Subscription subscription, String now) {
    return evaluator.evaluate("T", ticket.events, List.of(subscription), at(now));
  }

  private static Subscription acmeOnEmq5x8(
      String currency, String zone, List<WeeklyWindow> agreedHours, LocalDate from) {
    return new Subscription(
        "acme",
        "emq-5x8",
        BigDecimal.TEN,
        currency,
        ZoneId.of(zone),
        agreedHours,
        from,
        Instant.EPOCH);
  }

  private static ClockReading clock(TicketSla sla, Metric metric) {
    return sla.clocks().stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
  }

  private static Instant due(TicketSla sla, Metric metric) {
    return clock(sla, metric).deadline();
  }

  @Nested
  class GivenEmqFiveByEight {

    @Test
    void whenAP1FaultComesFridayAt1830ThenTheResponseIsDueMondayAt1100() {
      TicketSla sla =
          judge(
              new Ticket("emq-5x8", "P1", "2026-11-20T18:30:00+08:00"),
              "2026-11-21T12:00:00+08:00");
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-23T11:00:00+08:00"));
      assertThat(clock(sla, Metric.RESPONSE).elapsed()).isZero();
      assertThat(due(sla, Metric.RESTORE)).isEqualTo(at("2026-11-23T17:00:00+08:00"));
      assertThat(clock(sla, Metric.RESOLUTION).target()).isEqualTo(ofHours(450));
    }

    @Test
    void whenTheTicketIsP3ThenThereIsNoRestoreClockAndP4HasOnlyResponse() {
      String now = "2026-11-18T12:00:00+08:00";
      assertThat(judge(new Ticket("emq-5x8", "P3", "2026-11-18T10:00:00+08:00"), now).clocks())
          .extracting(ClockReading::metric)
          .containsExactlyInAnyOrder(Metric.RESPONSE, Metric.RESOLUTION);
      assertThat(judge(new Ticket("emq-5x8", "P4", "2026-11-18T10:00:00+08:00"), now).clocks())
          .extracting(ClockReading::metric)
          .containsExactly(Metric.RESPONSE);
    }

    @Test
    void whenAPauseSpansTheWeekendThenNeitherTheWeekendNorThePausedHoursCount() {
      Ticket ticket =
          new Ticket("emq-5x8", "P2", "2026-11-20T16:00:00+08:00")
              .workStarted("2026-11-20T16:30:00+08:00")
              .paused("2026-11-20T17:00:00+08:00")
              .resumed("2026-11-23T10:00:00+08:00");
      TicketSla sla = judge(ticket, "2026-11-23T10:00:00+08:00");
      ClockReading restore = clock(sla, Metric.RESTORE);
      assertThat(restore.elapsed()).isEqualTo(ofHours(1));
      // 72 business hours are 8 service days of 9 h: 1 h on Friday, 71 h from Monday 10:00 end at
      // closing on Wednesday week
      assertThat(restore.deadline()).isEqualTo(at("2026-12-02T18:00:00+08:00"));
    }

    @Test
    void whenThePriorityRisesAfterAPauseThenThePausedTimeIsStillExcluded() {
      Ticket ticket =
          new Ticket("emq-5x8", "P2", "2026-11-18T09:00:00+08:00")
              .workStarted("2026-11-18T09:10:00+08:00")
              .paused("2026-11-18T10:00:00+08:00")
              .resumed("2026-11-18T15:00:00+08:00")
              .priorityChanged("2026-11-18T16:00:00+08:00", "P1");
      TicketSla sla = judge(ticket, "2026-11-18T16:00:00+08:00");
      ClockReading restore = clock(sla, Metric.RESTORE);
      assertThat(restore.target()).isEqualTo(ofHours(8));
      assertThat(restore.elapsed()).isEqualTo(ofHours(2));
      assertThat(restore.deadline()).isEqualTo(at("2026-11-19T13:00:00+08:00"));
    }

    /**
     * A P1 fault on Friday at 18:30 is due on Monday at 11:00 in Berlin once a Berlin contract is
     * in force when it is opened, and in Shanghai, the plan's own zone, while it is not yet.
     */
    @ParameterizedTest(name = "contract from {0}: due Monday 11:00{1}")
    @CsvSource({"2026-01-01, +01:00", "2026-12-01, +08:00"})
    void whenTheContractIsInBerlinThenTheHoursAreBerlinHoursFromTheDayItStarts(
        LocalDate from, String offset) {
      Subscription berlin = acmeOnEmq5x8("EUR", "Europe/Berlin", List.of(), from);
      TicketSla sla =
          judge(
              new Ticket("emq-5x8", "P1", "2026-11-20T18:30:00" + offset),
              berlin,
              "2026-11-21T12:00:00" + offset);
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-23T11:00:00" + offset));
    }

    @Test
    void whenOtherHoursWereAgreedThenTheyApplyInstead() {
      Subscription earlyBirds =
          acmeOnEmq5x8(
              "CNY",
              "Asia/Shanghai",
              WeeklyWindow.daily(
                  EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                  LocalTime.of(7, 0),
                  LocalTime.of(12, 0)),
              LocalDate.of(2026, 1, 1));
      TicketSla sla =
          judge(
              new Ticket("emq-5x8", "P2", "2026-11-20T11:00:00+08:00"),
              earlyBirds,
              "2026-11-20T11:30:00+08:00");
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-21T10:00:00+08:00"));
      assertThat(clock(sla, Metric.RESPONSE).calendarId()).isEqualTo("agreed:acme");
    }
  }

  @Nested
  class GivenACalendarChangedAfterATicketWasOpened {

    @Test
    void thenTheTicketKeepsTheVersionInForceAtItsOpeningAndLaterTicketsGetTheNewOne() {
      WeeklyCalendar withHoliday =
          new WeeklyCalendar(
              "emq-5x8",
              ZoneId.of("Asia/Shanghai"),
              ((WeeklyCalendar) builtIn.calendar("emq-5x8").orElseThrow().calendar()).windows(),
              List.of(Holiday.wholeDay(LocalDate.of(2026, 11, 23), "company day")));
      VersionedCatalog catalog =
          new VersionedCatalog(
              builtIn,
              List.of(
                  new CalendarVersion(
                      "emq-5x8", 2, at("2026-11-21T00:00:00Z"), withHoliday, true)));
      SlaEvaluator versioned = new SlaEvaluator(catalog);
      Instant now = at("2026-11-22T12:00:00+08:00");

      TicketSla before =
          versioned.evaluate(
              "T", new Ticket("emq-5x8", "P1", "2026-11-20T18:30:00+08:00").events, now);
      TicketSla after =
          versioned.evaluate(
              "T", new Ticket("emq-5x8", "P1", "2026-11-21T18:30:00+08:00").events, now);

      assertThat(clock(before, Metric.RESPONSE).calendarVersion()).isEqualTo(1);
      assertThat(due(before, Metric.RESPONSE)).isEqualTo(at("2026-11-23T11:00:00+08:00"));
      assertThat(clock(after, Metric.RESPONSE).calendarVersion()).isEqualTo(2);
      assertThat(due(after, Metric.RESPONSE)).isEqualTo(at("2026-11-24T11:00:00+08:00"));
    }
  }

  @Nested
  class GivenEmqSevenByTwentyFour {
    @Test
    void thenP1HasOneHourResponseEightHourRestoreAndFifteenDayFix() {
      TicketSla sla =
          judge(
              new Ticket("emq-7x24", "P1", "2026-11-21T23:00:00+08:00"),
              "2026-11-21T23:30:00+08:00");
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-22T00:00:00+08:00"));
      assertThat(due(sla, Metric.RESTORE)).isEqualTo(at("2026-11-22T07:00:00+08:00"));
      assertThat(due(sla, Metric.RESOLUTION)).isEqualTo(at("2026-12-06T23:00:00+08:00"));
    }
  }

  @Nested
  class GivenOrangesky {
    @Test
    void whenHighlyDegradedComesFridayAt1659ThenTheResponseIsDueSundayAt1859PacificTime() {
      TicketSla sla =
          judge(
              new Ticket("orangesky", "HIGHLY_DEGRADED", "2026-11-20T16:59:00-08:00"),
              "2026-11-21T12:00:00-08:00");
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-22T18:59:00-08:00"));
      assertThat(clock(sla, Metric.RESPONSE).calendarId()).isEqualTo("orangesky-24x5");
    }

    @Test
    void whenAnEmergencyComesOnSaturdayThenItCountsRoundTheClock() {
      TicketSla sla =
          judge(
              new Ticket("orangesky", "EMERGENCY", "2026-11-21T10:00:00-08:00"),
              "2026-11-21T10:40:00-08:00");
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(due(sla, Metric.RESPONSE)).isEqualTo(at("2026-11-21T10:30:00-08:00"));
    }
  }
}
