package dev.slaservice.sla.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricOutcomeTest {

  private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

  private static ClockReading reading(
      Metric metric, ClockStatus status, Duration elapsed, Instant cycleStart) {
    return new ClockReading(
        metric,
        status,
        "24x7",
        1,
        false,
        Duration.ofHours(1),
        null,
        elapsed,
        Duration.ZERO,
        status == ClockStatus.MET ? T.plus(elapsed) : null,
        null,
        cycleStart);
  }

  @Nested
  class GivenClocksThatRunOnce {

    @Test
    void thenEachReadsAsItsClockWithTheTimeToMeetOnlyWhenMet() {
      List<MetricOutcome> outcomes =
          MetricOutcome.of(
              List.of(
                  reading(Metric.RESPONSE, ClockStatus.MET, Duration.ofMinutes(25), null),
                  reading(Metric.RESTORE, ClockStatus.BREACHED, Duration.ofHours(2), null),
                  reading(Metric.RESOLUTION, ClockStatus.PAUSED, Duration.ofHours(3), null)),
              List.of());

      assertThat(outcomes)
          .containsExactly(
              new MetricOutcome(Metric.RESPONSE, ClockStatus.MET, Duration.ofMinutes(25)),
              new MetricOutcome(Metric.RESTORE, ClockStatus.BREACHED, null),
              new MetricOutcome(Metric.RESOLUTION, ClockStatus.PAUSED, null));
    }
  }

  @Nested
  class GivenAReplyMetricWhoseEarlierCycleBreached {

    private final Instant secondCycle = T.plus(Duration.ofHours(5));
    private final List<SlaFact> published =
        List.of(
            new SlaFact.Breach(
                new SlaFact.Goal(
                    Metric.NEXT_REPLY, "P1", Duration.ofHours(1), T.plus(Duration.ofHours(1))),
                T.plus(Duration.ofHours(1)),
                T));

    @Test
    void whenTheLatestCycleMetThenTheMetricStillReadsBreached() {
      List<MetricOutcome> outcomes =
          MetricOutcome.of(
              List.of(
                  reading(Metric.NEXT_REPLY, ClockStatus.MET, Duration.ofMinutes(10), secondCycle)),
              published);

      assertThat(outcomes)
          .containsExactly(new MetricOutcome(Metric.NEXT_REPLY, ClockStatus.BREACHED, null));
    }

    @Test
    void whenTheBreachWasOfAnotherMetricThenThisOneIsMet() {
      List<MetricOutcome> outcomes =
          MetricOutcome.of(
              List.of(
                  reading(
                      Metric.PERIODIC_UPDATE,
                      ClockStatus.MET,
                      Duration.ofMinutes(10),
                      secondCycle)),
              published);

      assertThat(outcomes)
          .containsExactly(
              new MetricOutcome(Metric.PERIODIC_UPDATE, ClockStatus.MET, Duration.ofMinutes(10)));
    }
  }
}
