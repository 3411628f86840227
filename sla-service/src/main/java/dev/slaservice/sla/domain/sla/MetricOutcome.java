package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a ticket stands on one metric, for reports: a metric is breached when any of its clocks (any
 * cycle of a reply metric) breached, met when its clock stopped in time, else running or paused.
 *
 * @param timeToMeet the business time the clock counted until it stopped, when met; for a reply
 *     metric that of its latest cycle; null otherwise
 */
public record MetricOutcome(Metric metric, ClockStatus status, Duration timeToMeet) {

  /** The outcome of each metric the ticket has a clock for, in the order of its clocks. */
  public static List<MetricOutcome> of(List<ClockReading> clocks, List<SlaFact> published) {
    List<MetricOutcome> outcomes = new ArrayList<>(clocks.size());
    for (ClockReading clock : clocks) {
      boolean breached =
          clock.status() == ClockStatus.BREACHED
              || published.stream()
                  .anyMatch(
                      fact -> fact instanceof SlaFact.Breach && fact.metric() == clock.metric());
      ClockStatus status = breached ? ClockStatus.BREACHED : clock.status();
      outcomes.add(
          new MetricOutcome(
              clock.metric(), status, status == ClockStatus.MET ? clock.elapsed() : null));
    }
    return outcomes;
  }
}
