package dev.slaservice.sla.domain.sla;

import static dev.slaservice.events.Metric.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ticket is judged by the plan version in force when it was opened. */
class PlanVersionsTest {

  private static final Instant CHANGE = Instant.parse("2026-06-01T00:00:00Z");

  private static Plan version(int number, Instant from, Duration target) {
    return new Plan(
        "p",
        number,
        from,
        "P",
        Map.of(
            "HIGH",
            Map.of(RESPONSE, new ClockTerms(RESPONSE, target, AlwaysOpenCalendar.ID, false))),
        Plan.DEFAULT_WARNING_PERCENTS);
  }

  private final PolicyCatalog catalog =
      new TestCatalog(
          List.of(
              version(1, Instant.EPOCH, Duration.ofMinutes(10)),
              version(2, CHANGE, Duration.ofMinutes(20))));

  private TicketSla openedAt(Instant opened) {
    return new SlaEvaluator(catalog)
        .evaluate(
            "T",
            List.of(
                new TicketEvent.TicketOpened(
                    "e", "T", opened.atOffset(ZoneOffset.UTC), "desk", "c", "p", "HIGH")),
            opened.plusSeconds(60));
  }

  @Test
  void aTicketOpenedBeforeAChangeKeepsTheOldTermsAndOneOpenedAfterGetsTheNew() {
    assertThat(openedAt(CHANGE.minusSeconds(1)).clocks().get(0).target())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(openedAt(CHANGE.minusSeconds(1)).planVersion()).isEqualTo(1);
    assertThat(openedAt(CHANGE).clocks().get(0).target()).isEqualTo(Duration.ofMinutes(20));
    assertThat(openedAt(CHANGE).planVersion()).isEqualTo(2);
  }
}
