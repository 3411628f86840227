package dev.slaservice.sla.domain.sla;

import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.opened;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaEvaluatorTest {

  private final SlaEvaluator evaluator = new SlaEvaluator(new TestCatalog());

  private TicketSla at(TicketHistoryBuilder history, Duration sinceOpening) {
    return evaluator.evaluate(TICKET, history.events(), T0.plus(sinceOpening));
  }

  private static ClockReading clock(TicketSla sla, Metric metric) {
    return sla.clocks().stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
  }

  private static List<SlaFact> facts(TicketSla sla, Class<? extends SlaFact> kind) {
    return sla.dueFacts().stream().filter(kind::isInstance).toList();
  }

  @Nested
  class GivenAHighPriorityTicketOnWebsoft9Premium {
    private final TicketHistoryBuilder history = opened("websoft9-premium", "HIGH");

    @Test
    void whenFourMinutesPassThenTheResponseClockRunsTowardMinuteTen() {
      ClockReading response = clock(at(history, ofMinutes(4)), Metric.RESPONSE);
      assertThat(response.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(response.target()).isEqualTo(ofMinutes(10));
      assertThat(response.deadline()).isEqualTo(T0.plus(ofMinutes(10)));
      assertThat(response.elapsed()).isEqualTo(ofMinutes(4));
      assertThat(response.remaining()).isEqualTo(ofMinutes(6));
    }

    @Test
    void whenNothingHappensThenTheNextChangesAreTheWarningsAndTheDeadline() {
      assertThat(at(history, Duration.ZERO).nextChange()).contains(T0.plus(ofMinutes(5)));
      assertThat(at(history, ofMinutes(5)).nextChange())
          .contains(T0.plus(ofMinutes(7).plusSeconds(30)));
      assertThat(at(history, ofMinutes(8)).nextChange()).contains(T0.plus(ofMinutes(10)));
      assertThat(facts(at(history, ofMinutes(8)), SlaFact.Warning.class))
          .extracting(f -> ((SlaFact.Warning) f).percent())
          .containsExactly(50, 75);
    }

    @Test
    void whenTheDeadlineIsReachedWithoutWorkThenTheClockIsBreachedByTimeAlone() {
      TicketSla sla = at(history, ofMinutes(10));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(facts(sla, SlaFact.Breach.class))
          .singleElement()
          .satisfies(f -> assertThat(f.deadline()).isEqualTo(T0.plus(ofMinutes(10))));
      assertThat(sla.nextChange()).isEmpty();
    }

    @Test
    void whenWorkStartsExactlyAtTheDeadlineThenTheTargetIsMet() {
      TicketSla sla = at(history.workStarted(ofMinutes(10)), ofHours(1));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.MET);
      assertThat(facts(sla, SlaFact.Breach.class)).isEmpty();
    }

    @Test
    void whenWorkStartsOneSecondLateThenItIsABreachThatStays() {
      TicketSla sla = at(history.workStarted(ofMinutes(10).plusSeconds(1)), ofHours(1));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
      assertThat(clock(sla, Metric.RESPONSE).stoppedAt())
          .isEqualTo(T0.plus(ofMinutes(10).plusSeconds(1)));
    }

    @Test
    void whenWorkStartedArrivesBeforeTheOpeningItCountsAtTheOpening() {
      List<TicketEvent> events = new ArrayList<>(history.events());
      events.add(
          0,
          new TicketEvent.WorkStarted(
              "early", TICKET, TicketHistoryBuilder.at(ofMinutes(-3)), "desk"));
      TicketSla sla = evaluator.evaluate(TICKET, events, T0.plus(ofHours(1)));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.MET);
      assertThat(clock(sla, Metric.RESPONSE).elapsed()).isZero();
    }

    @Test
    void whenItIsDowngradedToNormalThenItIsJudgedAsIfItHadAlwaysBeenNormal() {
      TicketSla sla = at(history.downgraded(ofMinutes(25), "NORMAL"), ofMinutes(30));
      assertThat(facts(sla, SlaFact.Breach.class)).isEmpty();
      assertThat(clock(sla, Metric.RESPONSE).deadline()).isEqualTo(T0.plus(ofHours(2)));
      assertThat(sla.priority()).isEqualTo("NORMAL");
    }
  }

  @Nested
  class GivenAPausableResolutionClock {

    /** A ticket on two-clocks at this priority, worked on from {@code started}. */
    private TicketHistoryBuilder workedOn(String priority, Duration started) {
      return opened("two-clocks", priority).workStarted(started);
    }

    @Test
    void whenPausedForTwoHoursThenTheResolutionDeadlineMovesByTwoHoursAndResponseDoesNot() {
      TicketSla sla =
          at(workedOn("P1", ofMinutes(30)).paused(ofHours(1)).resumed(ofHours(3)), ofHours(3));
      assertThat(clock(sla, Metric.RESOLUTION).deadline()).isEqualTo(T0.plus(ofHours(6)));
      assertThat(clock(sla, Metric.RESOLUTION).elapsed()).isEqualTo(ofHours(1));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void whileItIsPausedThenItReadsPausedWithNoDeadlineAndNothingIsDueByTime() {
      TicketSla sla = at(workedOn("P1", ofMinutes(30)).paused(ofHours(1)), ofHours(10));
      ClockReading resolution = clock(sla, Metric.RESOLUTION);
      assertThat(resolution.status()).isEqualTo(ClockStatus.PAUSED);
      assertThat(resolution.deadline()).isNull();
      assertThat(resolution.remaining()).isEqualTo(ofHours(3));
      assertThat(sla.nextChange()).isEmpty();
    }

    @Test
    void whenThePriorityRisesAfterAPauseThenThePausedTimeStaysExcluded() {
      TicketSla sla =
          at(
              workedOn("P2", ofMinutes(10))
                  .paused(ofHours(1))
                  .resumed(ofHours(2))
                  .priorityChanged(ofMinutes(150), "P1"),
              ofMinutes(150));
      assertThat(clock(sla, Metric.RESOLUTION).target()).isEqualTo(ofHours(4));
      assertThat(clock(sla, Metric.RESOLUTION).deadline()).isEqualTo(T0.plus(ofHours(5)));
    }

    @Test
    void whenResolvedAndReopenedThenResolutionCountsOnlyWhileOpen() {
      TicketSla sla =
          at(workedOn("P1", ofMinutes(5)).resolved(ofHours(1)).reopened(ofHours(2)), ofHours(3));
      ClockReading resolution = clock(sla, Metric.RESOLUTION);
      assertThat(resolution.status()).isEqualTo(ClockStatus.RUNNING);
      assertThat(resolution.elapsed()).isEqualTo(ofHours(2));
      assertThat(resolution.deadline()).isEqualTo(T0.plus(ofHours(5)));
    }
  }

  @Nested
  class GivenAPriorityChange {

    @Test
    void whenTheNewTargetIsAlreadyUsedUpThenTheBreachIsImmediateWithTheNewDeadline() {
      TicketSla sla =
          at(opened("two-clocks", "P2").priorityChanged(ofMinutes(90), "P1"), ofMinutes(90));
      SlaFact breach = facts(sla, SlaFact.Breach.class).get(0);
      assertThat(breach.metric()).isEqualTo(Metric.RESPONSE);
      assertThat(breach.deadline()).isEqualTo(T0.plus(ofHours(1)));
      assertThat(breach.effectiveAt()).isEqualTo(T0.plus(ofMinutes(90)));
    }

    @Test
    void whenTheTargetIsRelaxedAfterABreachThenTheBreachStands() {
      TicketSla sla =
          at(opened("two-clocks", "P1").priorityChanged(ofMinutes(90), "P2"), ofMinutes(100));
      assertThat(facts(sla, SlaFact.Breach.class))
          .extracting(SlaFact::deadline)
          .contains(T0.plus(ofHours(1)));
      assertThat(clock(sla, Metric.RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void whenTheTargetIsRelaxedBeforeTheDeadlineThenTheNewDeadlineCountsFromTheStart() {
      TicketSla sla =
          at(opened("two-clocks", "P1").priorityChanged(ofMinutes(30), "P2"), ofMinutes(70));
      assertThat(facts(sla, SlaFact.Breach.class)).isEmpty();
      assertThat(clock(sla, Metric.RESPONSE).deadline()).isEqualTo(T0.plus(ofHours(2)));
    }
  }

  @Test
  void aTicketWithoutTicketOpenedHasNoClocksYet() {
    TicketSla sla =
        evaluator.evaluate(
            TICKET,
            List.of(
                new TicketEvent.WorkStarted(
                    "w", TICKET, TicketHistoryBuilder.at(ofSeconds(1)), "desk")),
            Instant.now());
    assertThat(sla.opened()).isFalse();
    assertThat(sla.clocks()).isEmpty();
  }
}
