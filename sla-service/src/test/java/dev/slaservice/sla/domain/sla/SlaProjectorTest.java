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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaProjectorTest {

  private final SlaEvaluator evaluator = new SlaEvaluator(new TestCatalog());

  private SlaProjector.Transition advance(
      List<SlaFact> published, TicketHistoryBuilder history, Instant now) {
    return SlaProjector.advance(published, evaluator.evaluate(TICKET, history.events(), now), now);
  }

  /** A ticket folded once at {@code now}, whose later histories are folded on what it published. */
  private final class FoldedOnce {
    private final Supplier<TicketHistoryBuilder> ticket;
    private final Instant now;
    private final SlaProjector.Transition first;

    FoldedOnce(Supplier<TicketHistoryBuilder> ticket, Instant now) {
      this.ticket = ticket;
      this.now = now;
      this.first = advance(List.of(), ticket.get(), now);
    }

    /** The ticket's history grown by {@code more}, folded {@code later} than the first time. */
    SlaProjector.Transition refolded(UnaryOperator<TicketHistoryBuilder> more, Duration later) {
      return advance(first.published(), more.apply(ticket.get()), now.plus(later));
    }
  }

  @Nested
  class GivenABreachAlreadyPublished {
    private final FoldedOnce breached =
        new FoldedOnce(() -> opened("websoft9-premium", "HIGH"), T0.plus(ofMinutes(20)));

    @Test
    void thenTheFirstFoldPublishedTwoWarningsAndOneBreach() {
      assertThat(breached.first.outgoing())
          .extracting(SlaEvent::typeName)
          .containsExactlyInAnyOrder("SlaWarningReached", "SlaWarningReached", "SlaBreached");
    }

    @Test
    void whenTheSameHistoryIsFoldedAgainThenNothingIsPublished() {
      assertThat(breached.refolded(UnaryOperator.identity(), ofMinutes(5)).outgoing()).isEmpty();
    }

    @Test
    void whenALateWorkStartedDisprovesItThenThatBreachIsRetractedAndTheClockIsMet() {
      String breachId =
          breached.first.outgoing().stream()
              .filter(e -> e instanceof SlaEvent.SlaBreached)
              .findFirst()
              .orElseThrow()
              .id();
      SlaProjector.Transition late =
          breached.refolded(history -> history.workStarted(ofMinutes(4)), ofMinutes(1));
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
          breached.refolded(history -> history.downgraded(ofMinutes(21), "NORMAL"), ofMinutes(1));
      assertThat(downgraded.outgoing())
          .extracting(SlaEvent::typeName)
          .contains("SlaBreachRetracted")
          .doesNotContain("SlaBreached");
    }
  }

  @Nested
  class GivenARunningClock {
    private final FoldedOnce running =
        new FoldedOnce(() -> opened("two-clocks", "P2"), T0.plus(ofMinutes(30)));

    @Test
    void whenThePriorityRisesThenAGoalChangeCarriesTheOldAndTheNewDeadline() {
      SlaProjector.Transition raised =
          running.refolded(history -> history.priorityChanged(ofMinutes(40), "P1"), ofMinutes(10));
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
      assertThat(running.refolded(UnaryOperator.identity(), ofMinutes(1)).outgoing())
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
