package dev.slaservice.sla.domain.sla;

import static dev.slaservice.events.Metric.NEXT_REPLY;
import static dev.slaservice.events.Metric.PERIODIC_UPDATE;
import static dev.slaservice.events.ReplyVisibility.INTERNAL;
import static dev.slaservice.events.ReplyVisibility.PUBLIC;
import static dev.slaservice.sla.domain.sla.ReplyPlans.REPLY_DESK;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.opened;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slaservice.events.Metric;
import dev.slaservice.events.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * NEXT_REPLY and PERIODIC_UPDATE: clocks that run in cycles (ADR 0014), on the test plan
 * reply-desk.
 */
class ReplyMetricsTest {

  private final SlaEvaluator evaluator = new SlaEvaluator(ReplyPlans.catalog());

  private TicketSla at(TicketHistoryBuilder history, Duration sinceOpening) {
    return evaluator.evaluate(TICKET, history.events(), T0.plus(sinceOpening));
  }

  private static Optional<ClockReading> clock(TicketSla sla, Metric metric) {
    return sla.clocks().stream().filter(c -> c.metric() == metric).findFirst();
  }

  private static <T extends SlaFact> List<T> facts(TicketSla sla, Metric metric, Class<T> kind) {
    return sla.dueFacts().stream()
        .filter(f -> f.metric() == metric)
        .filter(kind::isInstance)
        .map(kind::cast)
        .toList();
  }

  /** The customer writes at 1 h, is answered at 4 h and writes again at 5 h: two reply cycles. */
  private static TicketHistoryBuilder twoCycles(TicketHistoryBuilder history) {
    return history
        .customerReplied(ofHours(1))
        .agentReplied(ofHours(4), PUBLIC)
        .customerReplied(ofHours(5));
  }

  private static Instant t(Duration sinceOpening) {
    return T0.plus(sinceOpening);
  }

  @Nested
  class GivenNextReplyOnTwentyFourSeven {
    private final TicketHistoryBuilder history = opened(REPLY_DESK, "P1");

    @Test
    void whenTheCustomerHasNotWrittenThenThereIsNoNextReplyClock() {
      TicketSla sla = at(history.agentReplied(ofMinutes(30), PUBLIC), ofDays(2));
      assertThat(clock(sla, NEXT_REPLY)).isEmpty();
      assertThat(sla.dueFacts()).noneMatch(f -> f.metric() == NEXT_REPLY);
    }

    @Test
    void whenTheCustomerRepliesThenAPublicReplyIsDueWithinTheTargetFromThen() {
      ClockReading reading =
          clock(at(history.customerReplied(ofHours(1)), ofMinutes(90)), NEXT_REPLY).orElseThrow();
      assertThat(reading.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(reading.cycleStartedAt()).isEqualTo(t(ofHours(1)));
      assertThat(reading.deadline()).isEqualTo(t(ofHours(3)));
      assertThat(reading.elapsed()).isEqualTo(ofMinutes(30));
    }

    @Test
    void whenOnlyAnInternalNoteFollowsThenTheCycleBreachesAtItsDeadline() {
      TicketSla sla =
          at(history.customerReplied(ofHours(1)).agentReplied(ofMinutes(90), INTERNAL), ofHours(3));
      assertThat(clock(sla, NEXT_REPLY).orElseThrow().status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(facts(sla, NEXT_REPLY, SlaFact.Breach.class))
          .extracting(SlaFact::cycleStart, SlaFact::deadline)
          .containsExactly(tuple(t(ofHours(1)), t(ofHours(3))));
    }

    @Test
    void whenThePublicReplyComesExactlyAtTheDeadlineThenTheCycleIsMet() {
      TicketSla sla =
          at(history.customerReplied(ofHours(1)).agentReplied(ofHours(3), PUBLIC), ofHours(10));
      assertThat(clock(sla, NEXT_REPLY).orElseThrow().status()).isEqualTo(ClockStatus.MET);
      assertThat(facts(sla, NEXT_REPLY, SlaFact.Breach.class)).isEmpty();
      assertThat(facts(sla, NEXT_REPLY, SlaFact.Met.class))
          .singleElement()
          .satisfies(m -> assertThat(m.effectiveAt()).isEqualTo(t(ofHours(3))));
    }

    @Test
    void whenTheCustomerWritesAgainBeforeAnAnswerThenTheOldestUnansweredReplySetsTheClock() {
      TicketSla sla =
          at(history.customerReplied(ofHours(1)).customerReplied(ofHours(2)), ofMinutes(150));
      assertThat(clock(sla, NEXT_REPLY).orElseThrow().deadline()).isEqualTo(t(ofHours(3)));
      assertThat(clock(sla, NEXT_REPLY).orElseThrow().cycleStartedAt()).isEqualTo(t(ofHours(1)));
    }

    @Test
    void whenTwoCyclesGoUnansweredThenEachHasItsOwnBreachAndWarnings() {
      twoCycles(history);
      TicketSla sla = at(history, ofHours(8));
      assertThat(facts(sla, NEXT_REPLY, SlaFact.Breach.class))
          .extracting(SlaFact::cycleStart, SlaFact::deadline)
          .containsExactly(
              tuple(t(ofHours(1)), t(ofHours(3))), tuple(t(ofHours(5)), t(ofHours(7))));
      assertThat(facts(sla, NEXT_REPLY, SlaFact.Warning.class))
          .extracting(SlaFact::effectiveAt)
          .containsExactly(t(ofHours(2)), t(ofMinutes(150)), t(ofHours(6)), t(ofMinutes(390)));
      assertThat(facts(sla, NEXT_REPLY, SlaFact.class))
          .extracting(SlaFact::key)
          .doesNotHaveDuplicates();
      ClockReading reading = clock(sla, NEXT_REPLY).orElseThrow();
      assertThat(reading.status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(reading.cycleStartedAt()).isEqualTo(t(ofHours(5)));
    }

    @Test
    void
        whenTheTicketIsResolvedThenTheWaitingCycleEndsAndLaterCustomerRepliesCountOnlyAfterAReopening() {
      history.customerReplied(ofHours(1)).resolved(ofHours(2)).customerReplied(ofHours(3));
      TicketSla resolved = at(history, ofHours(10));
      assertThat(clock(resolved, NEXT_REPLY).orElseThrow().status()).isEqualTo(ClockStatus.MET);
      assertThat(facts(resolved, NEXT_REPLY, SlaFact.Met.class)).hasSize(1);
      TicketSla reopened =
          at(history.reopened(ofHours(11)).customerReplied(ofHours(12)), ofHours(13));
      assertThat(clock(reopened, NEXT_REPLY).orElseThrow().cycleStartedAt())
          .isEqualTo(t(ofHours(12)));
      assertThat(clock(reopened, NEXT_REPLY).orElseThrow().deadline()).isEqualTo(t(ofHours(14)));
    }

    @Test
    void whenTheTicketWaitsOnTheCustomerThenThePausedTimeDoesNotCount() {
      history.customerReplied(ofHours(1)).paused(ofMinutes(90)).resumed(ofMinutes(210));
      assertThat(clock(at(history, ofHours(2)), NEXT_REPLY).orElseThrow().status())
          .isEqualTo(ClockStatus.PAUSED);
      ClockReading reading = clock(at(history, ofMinutes(270)), NEXT_REPLY).orElseThrow();
      assertThat(reading.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(reading.elapsed()).isEqualTo(ofMinutes(90));
      assertThat(reading.deadline()).isEqualTo(t(ofHours(5)));
    }

    @Test
    void whenReadAsOfAnEarlierInstantThenTheCycleRunningThenIsShown() {
      twoCycles(history);
      TicketSla then = evaluator.asOf(TICKET, history.events(), List.of(), t(ofMinutes(90)));
      ClockReading reading = clock(then, NEXT_REPLY).orElseThrow();
      assertThat(reading.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(reading.cycleStartedAt()).isEqualTo(t(ofHours(1)));
      assertThat(facts(then, NEXT_REPLY, SlaFact.Breach.class)).isEmpty();
    }
  }

  @Nested
  class GivenPeriodicUpdates {
    private final TicketHistoryBuilder history = opened(REPLY_DESK, "P1");

    @Test
    void whenTheTicketOpensThenTheFirstUpdateIsDueWithinTheTarget() {
      ClockReading reading = clock(at(history, ofHours(1)), PERIODIC_UPDATE).orElseThrow();
      assertThat(reading.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(reading.cycleStartedAt()).isEqualTo(T0);
      assertThat(reading.deadline()).isEqualTo(t(ofHours(8)));
    }

    @Test
    void whenAPublicReplyComesThenItMeetsTheCycleAndStartsTheNextOneButAnInternalNoteDoesNot() {
      history.agentReplied(ofHours(6), PUBLIC).agentReplied(ofHours(10), INTERNAL);
      TicketSla sla = at(history, ofHours(14));
      assertThat(facts(sla, PERIODIC_UPDATE, SlaFact.Met.class))
          .singleElement()
          .satisfies(m -> assertThat(m.cycleStart()).isEqualTo(T0));
      assertThat(facts(sla, PERIODIC_UPDATE, SlaFact.Breach.class))
          .extracting(SlaFact::cycleStart, SlaFact::deadline)
          .containsExactly(tuple(t(ofHours(6)), t(ofHours(14))));
    }

    @Test
    void whenResolvedThenTheUpdatesStopAndAReopeningStartsAFreshCycle() {
      history.resolved(ofHours(5)).agentReplied(ofHours(10), PUBLIC);
      TicketSla resolved = at(history, ofHours(20));
      assertThat(clock(resolved, PERIODIC_UPDATE).orElseThrow().status())
          .isEqualTo(ClockStatus.MET);
      assertThat(clock(resolved, PERIODIC_UPDATE).orElseThrow().stoppedAt())
          .isEqualTo(t(ofHours(5)));
      assertThat(facts(resolved, PERIODIC_UPDATE, SlaFact.Breach.class)).isEmpty();
      TicketSla reopened = at(history.reopened(ofHours(20)), ofHours(29));
      assertThat(facts(reopened, PERIODIC_UPDATE, SlaFact.Breach.class))
          .extracting(SlaFact::cycleStart, SlaFact::deadline)
          .containsExactly(tuple(t(ofHours(20)), t(ofHours(28))));
    }
  }

  @Nested
  class GivenOfficeHoursOnTheFiveByEightCalendar {
    // T0 is Monday 09:00 in Shanghai; the calendar counts Mon–Fri 09:00–18:00 there
    private final TicketHistoryBuilder history = opened(REPLY_DESK, "OFFICE");

    @Test
    void whenTheCustomerWritesLateInTheDayThenTheReplyIsDueNextMorning() {
      history.customerReplied(ofHours(7));
      ClockReading reading = clock(at(history, ofHours(25)), NEXT_REPLY).orElseThrow();
      assertThat(reading.deadline()).isEqualTo(t(ofHours(26)));
      assertThat(reading.elapsed()).isEqualTo(ofHours(3));
      assertThat(facts(at(history, ofHours(26)), NEXT_REPLY, SlaFact.Breach.class))
          .singleElement()
          .satisfies(b -> assertThat(b.deadline()).isEqualTo(t(ofHours(26))));
    }

    @Test
    void whenTheCustomerWritesOnFridayAfternoonThenTheWeekendDoesNotCount() {
      history.customerReplied(ofDays(4).plusHours(8));
      assertThat(clock(at(history, ofDays(5)), NEXT_REPLY).orElseThrow().deadline())
          .isEqualTo(t(ofDays(7).plusHours(3)));
    }
  }

  @Nested
  class GivenPublishedFacts {
    private final TicketHistoryBuilder history =
        opened(REPLY_DESK, "P1").customerReplied(ofHours(1));

    private static List<SlaEvent> of(
        List<SlaEvent> events, Metric metric, Class<? extends SlaEvent> kind) {
      return events.stream().filter(e -> e.metric() == metric).filter(kind::isInstance).toList();
    }

    /** Folds the history as it stands at the given time since opening, and publishes then. */
    private SlaProjector.Transition advance(List<SlaFact> published, Duration sinceOpening) {
      return SlaProjector.advance(published, at(history, sinceOpening), t(sinceOpening));
    }

    @Test
    void whenACycleBreachesThenOneBreachGoesOutWithAnIdNamingTheCycleAndARepeatSendsNothing() {
      SlaProjector.Transition first = advance(List.of(), ofHours(3));
      assertThat(of(first.outgoing(), NEXT_REPLY, SlaEvent.SlaBreached.class))
          .singleElement()
          .satisfies(
              b ->
                  assertThat(b.id())
                      .isEqualTo(
                          StableIds.of(
                              TICKET,
                              "BREACH/NEXT_REPLY/" + t(ofHours(3)) + "/CYCLE/" + t(ofHours(1)))));
      SlaProjector.Transition again =
          SlaProjector.advance(
              first.published(), at(history, ofHours(3)), t(ofHours(3)).plusSeconds(5));
      assertThat(again.outgoing()).isEmpty();
    }

    @Test
    void whenASecondCycleBreachesThenASecondBreachGoesOutAndTheFirstStands() {
      SlaProjector.Transition first = advance(List.of(), ofHours(3));
      history.agentReplied(ofHours(4), PUBLIC).customerReplied(ofHours(5));
      SlaProjector.Transition second = advance(first.published(), ofHours(7));
      String firstId = of(first.outgoing(), NEXT_REPLY, SlaEvent.SlaBreached.class).get(0).id();
      assertThat(of(second.outgoing(), NEXT_REPLY, SlaEvent.SlaBreached.class))
          .singleElement()
          .satisfies(b -> assertThat(b.id()).isNotEqualTo(firstId));
      assertThat(second.outgoing()).noneMatch(SlaEvent.SlaBreachRetracted.class::isInstance);
    }

    @Test
    void whenANewCycleStartsThenItsDeadlineIsNotAnnouncedAsAMovedGoal() {
      SlaProjector.Transition running = advance(List.of(), ofMinutes(90));
      history.agentReplied(ofMinutes(100), PUBLIC).customerReplied(ofMinutes(110));
      SlaProjector.Transition next = advance(running.published(), ofHours(2));
      assertThat(next.outgoing()).noneMatch(SlaEvent.SlaGoalChanged.class::isInstance);
      assertThat(of(next.outgoing(), NEXT_REPLY, SlaEvent.SlaMet.class)).hasSize(1);
      assertThat(of(next.outgoing(), PERIODIC_UPDATE, SlaEvent.SlaMet.class)).hasSize(1);
    }
  }

  @Nested
  class GivenTheTimeline {

    @Test
    void whenExplainedThenEachCyclesDeadlineIsAStepAndTheClockShowsItsCycle() {
      TicketHistoryBuilder history = twoCycles(opened(REPLY_DESK, "P1"));
      SlaTimeline timeline =
          new SlaExplainer(evaluator).explain(TICKET, history.events(), List.of(), t(ofHours(8)));
      assertThat(timeline.steps())
          .filteredOn(
              s -> s.cause() == SlaTimeline.Cause.DEADLINE_PASSED && s.metric() == NEXT_REPLY)
          .extracting(SlaTimeline.Step::at)
          .containsExactly(t(ofHours(3)), t(ofHours(7)));
      SlaTimeline.Step last = timeline.steps().get(timeline.steps().size() - 1);
      assertThat(last.clocks())
          .filteredOn(c -> c.metric() == NEXT_REPLY)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.cycleStartedAt()).isEqualTo(t(ofHours(5)));
                assertThat(c.elapsed()).isEqualTo(ofHours(3));
              });
    }
  }
}
