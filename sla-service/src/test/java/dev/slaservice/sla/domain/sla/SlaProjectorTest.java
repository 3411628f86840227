package dev.slaservice.sla.domain.sla;

import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.opened;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.events.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaProjectorTest {

  private final SlaEvaluator evaluator = new SlaEvaluator(new TestCatalog());

  private SlaProjector.Transition advance(
      List<SlaFact> published, TicketHistoryBuilder history, Instant now) {
    return SlaProjector.advance(published, evaluator.evaluate(TICKET, history.events(), now), now);
  }

  @Nested
  class GivenABreachAlreadyPublished {
    private final Instant now = T0.plus(ofMinutes(20));
    private final SlaProjector.Transition first =
        advance(List.of(), opened("websoft9-premium", "HIGH"), now);

    @Test
    void thenTheFirstFoldPublishedTwoWarningsAndOneBreach() {
      assertThat(first.outgoing())
          .extracting(SlaEvent::typeName)
          .containsExactlyInAnyOrder("SlaWarningReached", "SlaWarningReached", "SlaBreached");
    }

    @Test
    void whenTheSameHistoryIsFoldedAgainThenNothingIsPublished() {
      assertThat(
              advance(first.published(), opened("websoft9-premium", "HIGH"), now.plus(ofMinutes(5)))
                  .outgoing())
          .isEmpty();
    }

    @Test
    void whenALateWorkStartedDisprovesItThenThatBreachIsRetractedAndTheClockIsMet() {
      String breachId =
          first.outgoing().stream()
              .filter(e -> e instanceof SlaEvent.SlaBreached)
              .findFirst()
              .orElseThrow()
              .id();
      SlaProjector.Transition late =
          advance(
              first.published(),
              opened("websoft9-premium", "HIGH").workStarted(ofMinutes(4)),
              now.plus(ofMinutes(1)));
      assertThat(late.outgoing())
          .extracting(SlaEvent::typeName)
          .containsExactlyInAnyOrder("SlaBreachRetracted", "SlaMet");
      assertThat(late.outgoing())
          .filteredOn(e -> e instanceof SlaEvent.SlaBreachRetracted)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(((SlaEvent.SlaBreachRetracted) r).retractedBreachId())
                      .isEqualTo(breachId));
    }

    @Test
    void whenADowngradeDisprovesItThenItIsRetracted() {
      SlaProjector.Transition downgraded =
          advance(
              first.published(),
              opened("websoft9-premium", "HIGH").downgraded(ofMinutes(21), "NORMAL"),
              now.plus(ofMinutes(1)));
      assertThat(downgraded.outgoing())
          .extracting(SlaEvent::typeName)
          .contains("SlaBreachRetracted")
          .doesNotContain("SlaBreached");
    }
  }

  @Nested
  class GivenARunningClock {
    private final Instant now = T0.plus(ofMinutes(30));
    private final SlaProjector.Transition first =
        advance(List.of(), opened("two-clocks", "P2"), now);

    @Test
    void whenThePriorityRisesThenAGoalChangeCarriesTheOldAndTheNewDeadline() {
      SlaProjector.Transition raised =
          advance(
              first.published(),
              opened("two-clocks", "P2").priorityChanged(ofMinutes(40), "P1"),
              now.plus(ofMinutes(10)));
      assertThat(raised.outgoing())
          .filteredOn(e -> e instanceof SlaEvent.SlaGoalChanged)
          .extracting(e -> (SlaEvent.SlaGoalChanged) e)
          .anySatisfy(
              g -> {
                assertThat(g.metric()).isEqualTo(Metric.RESPONSE);
                assertThat(g.previousDeadline()).isEqualTo(T0.plus(Duration.ofHours(2)));
                assertThat(g.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
                assertThat(g.previousTarget()).isEqualTo(Duration.ofHours(2));
              });
    }

    @Test
    void whenNothingMovesThenNoGoalChangeGoesOut() {
      assertThat(
              advance(first.published(), opened("two-clocks", "P2"), now.plus(ofMinutes(1)))
                  .outgoing())
          .noneMatch(e -> e instanceof SlaEvent.SlaGoalChanged);
    }
  }

  @Test
  void aBreachIdIsDerivedFromTicketMetricAndDeadlineSoItIsStable() {
    Instant now = T0.plus(ofMinutes(30));
    SlaEvent once =
        advance(List.of(), opened("websoft9-premium", "HIGH"), now).outgoing().stream()
            .filter(e -> e instanceof SlaEvent.SlaBreached)
            .findFirst()
            .orElseThrow();
    SlaEvent again =
        advance(List.of(), opened("websoft9-premium", "HIGH"), now.plus(ofMinutes(9)))
            .outgoing()
            .stream()
            .filter(e -> e instanceof SlaEvent.SlaBreached)
            .findFirst()
            .orElseThrow();
    assertThat(again.id()).isEqualTo(once.id());
    assertThat(again.detectedAt()).isNotEqualTo(once.detectedAt());
  }
}
