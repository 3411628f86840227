package dev.slaservice.sla.domain.sla;

import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.opened;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.policy.AlternativeCatalog;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What ops read: ticket states, at-risk instants, as-of readings, timelines and what-if
 * comparisons.
 */
class OpsReadingsTest {

  private final TestCatalog catalog = new TestCatalog();
  private final SlaEvaluator evaluator = new SlaEvaluator(catalog);

  private static ClockReading clock(TicketSla sla, Metric metric) {
    return sla.clocks().stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
  }

  private TicketSla at(TicketHistoryBuilder history, Duration sinceOpening) {
    return evaluator.evaluate(TICKET, history.events(), T0.plus(sinceOpening));
  }

  /** Compares the ticket's own plan with judging it by the alternative instead. */
  private WhatIf whatIfThePlanWere(Plan alternative) {
    return new WhatIf(
        evaluator,
        new SlaEvaluator(
            new AlternativeCatalog(catalog, Optional.of(alternative), Optional.empty())));
  }

  private static WhatIf.Outcome compared(
      WhatIf whatIf, TicketHistoryBuilder history, Duration sinceOpening) {
    return whatIf.compare(TICKET, history.events(), List.of(), T0.plus(sinceOpening)).orElseThrow();
  }

  @Nested
  class GivenAP1TicketOnTwoClocks {
    private final TicketHistoryBuilder history = opened("two-clocks", "P1");

    @Test
    void whenHalfTheResponseTargetIsUsedThenTheTicketIsAtRiskFromThatSecond() {
      TicketSla sla = at(history, ofMinutes(10));
      assertThat(clock(sla, Metric.RESPONSE).atRiskFrom()).isEqualTo(T0.plus(ofMinutes(30)));
      assertThat(clock(sla, Metric.RESOLUTION).atRiskFrom()).isEqualTo(T0.plus(ofHours(2)));
      assertThat(TicketState.of(sla.clocks(), T0.plus(ofMinutes(30)).minusSeconds(1)))
          .isEqualTo(TicketState.RUNNING);
      assertThat(TicketState.of(sla.clocks(), T0.plus(ofMinutes(30))))
          .isEqualTo(TicketState.AT_RISK);
    }

    @Test
    void whenTheDeadlinePassesBeforeTheNextReFoldThenTheStoredReadingAlreadyReadsBreached() {
      TicketSla sla = at(history, ofMinutes(59));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(TicketState.of(sla.clocks(), T0.plus(ofHours(1)))).isEqualTo(TicketState.BREACHED);
    }

    @Test
    void whenTheCustomerHoldsTheTicketThenTheResolutionClockIsAtRiskLaterByThePause() {
      history.workStarted(ofMinutes(5)).paused(ofMinutes(10)).resumed(ofMinutes(70));
      TicketSla sla = at(history, ofMinutes(80));
      assertThat(clock(sla, Metric.RESOLUTION).atRiskFrom()).isEqualTo(T0.plus(ofHours(3)));
      assertThat(clock(sla, Metric.RESPONSE).atRiskFrom()).isNull();
    }

    @Test
    void whenPausedWithResponseMetThenTheTicketReadsPausedAndWhenResolvedMet() {
      history.workStarted(ofMinutes(5)).paused(ofMinutes(10));
      assertThat(TicketState.of(at(history, ofMinutes(20)).clocks(), T0.plus(ofMinutes(20))))
          .isEqualTo(TicketState.PAUSED);
      history.resumed(ofMinutes(30)).resolved(ofMinutes(40));
      assertThat(TicketState.of(at(history, ofHours(9)).clocks(), T0.plus(ofHours(9))))
          .isEqualTo(TicketState.MET);
    }
  }

  @Nested
  class GivenWorkThatStartedAfterTheResponseDeadline {
    private final TicketHistoryBuilder history =
        opened("two-clocks", "P1").workStarted(ofMinutes(70));

    @Test
    void whenReadAsOfBeforeTheDeadlineThenTheClockStillRuns() {
      TicketSla sla = evaluator.asOf(TICKET, history.events(), List.of(), T0.plus(ofMinutes(50)));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(clock(sla, Metric.RESPONSE).elapsed()).isEqualTo(ofMinutes(50));
    }

    @Test
    void whenReadAsOfAfterTheDeadlineButBeforeTheWorkThenItIsBreachedAndStillRunning() {
      TicketSla sla = evaluator.asOf(TICKET, history.events(), List.of(), T0.plus(ofMinutes(65)));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(clock(sla, Metric.RESPONSE).stoppedAt()).isNull();
    }

    @Test
    void whenReadAsOfAfterTheWorkThenTheBreachStandsAndTheClockIsStopped() {
      TicketSla sla = evaluator.asOf(TICKET, history.events(), List.of(), T0.plus(ofHours(2)));
      assertThat(clock(sla, Metric.RESPONSE).stoppedAt()).isEqualTo(T0.plus(ofMinutes(70)));
    }

    @Test
    void whenAPriorityChangeHappensAfterTheAsOfInstantThenItIsNotApplied() {
      history.priorityChanged(ofMinutes(40), "P2");
      TicketSla before =
          evaluator.asOf(TICKET, history.events(), List.of(), T0.plus(ofMinutes(30)));
      assertThat(before.priority()).isEqualTo("P1");
      assertThat(clock(before, Metric.RESPONSE).target()).isEqualTo(ofHours(1));
    }
  }

  @Nested
  class GivenATicketThatWasPausedAndThenBreachedItsResolution {
    private final TicketHistoryBuilder history =
        opened("two-clocks", "P1")
            .workStarted(ofMinutes(20))
            .paused(ofHours(1))
            .resumed(ofHours(2));
    private final SlaTimeline timeline =
        new SlaExplainer(evaluator)
            .explain(TICKET, history.events(), List.of(), T0.plus(ofHours(6)));

    private SlaTimeline.ClockStep resolution(SlaTimeline.Step step) {
      return step.clocks().stream()
          .filter(c -> c.metric() == Metric.RESOLUTION)
          .findFirst()
          .orElseThrow();
    }

    @Test
    void whenExplainedThenEveryEventAndEveryThresholdIsAStepInTimeOrder() {
      assertThat(timeline.steps())
          .extracting(
              s ->
                  s.cause()
                      + (s.eventType() == null ? "" : " " + s.eventType())
                      + (s.percent() == null ? "" : " " + s.percent()),
              s -> s.at())
          .containsExactly(
              Tuple.tuple("EVENT TicketOpened", T0),
              Tuple.tuple("EVENT WorkStarted", T0.plus(ofMinutes(20))),
              Tuple.tuple("EVENT TicketPaused", T0.plus(ofHours(1))),
              Tuple.tuple("EVENT TicketResumed", T0.plus(ofHours(2))),
              Tuple.tuple("WARNING_REACHED 50", T0.plus(ofHours(3))),
              Tuple.tuple("WARNING_REACHED 75", T0.plus(ofHours(4))),
              Tuple.tuple("DEADLINE_PASSED", T0.plus(ofHours(5))),
              Tuple.tuple("AS_OF", T0.plus(ofHours(6))));
    }

    @Test
    void whenPausedThenTheResolutionClockCountsNothingAndItsDeadlineMovesByThePause() {
      SlaTimeline.Step pause = timeline.steps().get(2);
      assertThat(resolution(pause).counted()).isEqualTo(ofMinutes(40));
      assertThat(resolution(pause).status()).isEqualTo(ClockStatus.PAUSED);
      assertThat(resolution(pause).deadlineBefore()).isEqualTo(T0.plus(ofHours(4)));
      SlaTimeline.Step resume = timeline.steps().get(3);
      assertThat(resolution(resume).counted()).isEqualTo(Duration.ZERO);
      assertThat(resolution(resume).deadline()).isEqualTo(T0.plus(ofHours(5)));
    }

    @Test
    void whenTheDeadlinePassesThenTheStepShowsTheBreachWithTheWholeTargetCounted() {
      SlaTimeline.Step deadline = timeline.steps().get(6);
      assertThat(deadline.metric()).isEqualTo(Metric.RESOLUTION);
      assertThat(resolution(deadline).status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(resolution(deadline).elapsed()).isEqualTo(ofHours(4));
      assertThat(resolution(deadline).calendarId()).isEqualTo(AlwaysOpenCalendar.ID);
      assertThat(timeline.steps()).allSatisfy(s -> assertThat(s.clocks()).isNotEmpty());
    }
  }

  @Nested
  class GivenAResponseThatStartedAfterFortyFiveMinutes {
    private final TicketHistoryBuilder history =
        opened("two-clocks", "P1").workStarted(ofMinutes(45));

    private WhatIf whatIfResponseWere(Duration response) {
      Plan alternative =
          new Plan(
              "two-clocks",
              2,
              Instant.EPOCH,
              "Two clocks, other response",
              Map.of(
                  "P1",
                  Map.of(
                      Metric.RESPONSE,
                      new ClockTerms(Metric.RESPONSE, response, AlwaysOpenCalendar.ID, false))),
              Plan.DEFAULT_WARNING_PERCENTS);
      return whatIfThePlanWere(alternative);
    }

    @Test
    void whenTheResponseTargetWereThirtyMinutesThenTheTicketWouldGainABreach() {
      WhatIf.Outcome outcome = compared(whatIfResponseWere(ofMinutes(30)), history, ofHours(1));
      assertThat(outcome.gained())
          .containsExactly(new WhatIf.Breach(Metric.RESPONSE, "P1", T0.plus(ofMinutes(30))));
      assertThat(outcome.lost()).isEmpty();
    }

    @Test
    void whenTheTargetsAreUnchangedThenNothingDiffers() {
      WhatIf.Outcome outcome = compared(whatIfResponseWere(ofHours(1)), history, ofHours(2));
      assertThat(outcome.changed()).isFalse();
    }

    @Test
    void whenTheAlternativePlanLacksThePriorityThenTheTicketIsSkippedWithTheReason() {
      WhatIf.Outcome outcome =
          compared(
              whatIfThePlanWere(catalog.plan("websoft9-premium").orElseThrow()),
              history,
              ofHours(1));
      assertThat(outcome.skipped()).contains("no priority P1");
      assertThat(outcome.changed()).isFalse();
    }
  }

  @Nested
  class GivenABreachedResolution {
    @Test
    void whenTheAlternativeTargetIsLongerThenTheBreachIsLost() {
      TicketHistoryBuilder history = opened("two-clocks", "P1").workStarted(ofMinutes(5));
      Plan generous =
          new Plan(
              "two-clocks",
              2,
              Instant.EPOCH,
              "Generous",
              Map.of(
                  "P1",
                  Map.of(
                      Metric.RESPONSE,
                      new ClockTerms(Metric.RESPONSE, ofHours(1), AlwaysOpenCalendar.ID, false),
                      Metric.RESOLUTION,
                      new ClockTerms(Metric.RESOLUTION, ofHours(10), AlwaysOpenCalendar.ID, true))),
              Plan.DEFAULT_WARNING_PERCENTS);
      WhatIf.Outcome outcome = compared(whatIfThePlanWere(generous), history, ofHours(6));
      assertThat(outcome.lost())
          .extracting(WhatIf.Breach::metric)
          .containsExactly(Metric.RESOLUTION);
      assertThat(outcome.gained()).isEmpty();
    }
  }
}
