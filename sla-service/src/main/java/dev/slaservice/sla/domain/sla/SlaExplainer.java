package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains a ticket's clocks by re-reading them after each of its events and at each threshold they
 * crossed. Every figure comes from {@link SlaEvaluator}, so the explanation cannot disagree with
 * the clocks it explains.
 */
public final class SlaExplainer {

  private final SlaEvaluator evaluator;

  public SlaExplainer(SlaEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** The ticket's timeline up to {@code asOf}; empty steps while it has no TicketOpened. */
  public SlaTimeline explain(
      String ticketId,
      List<? extends TicketEvent> history,
      List<Subscription> subscriptions,
      Instant asOf) {
    List<TicketEvent> events = SlaEvaluator.happenedBy(history, asOf);
    TicketSla now = evaluator.evaluate(ticketId, events, subscriptions, asOf);
    if (!now.opened()) {
      return new SlaTimeline(ticketId, null, 0, asOf, List.of());
    }
    List<Moment> moments = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      moments.add(Moment.event(events.get(i), i + 1));
    }
    for (SlaFact fact : now.dueFacts()) {
      if (fact instanceof SlaFact.Warning warning) {
        moments.add(
            Moment.threshold(
                warning.effectiveAt(),
                SlaTimeline.Cause.WARNING_REACHED,
                warning.metric(),
                warning.percent(),
                events));
      } else if (fact instanceof SlaFact.Breach breach) {
        moments.add(
            Moment.threshold(
                breach.effectiveAt(),
                SlaTimeline.Cause.DEADLINE_PASSED,
                breach.metric(),
                null,
                events));
      }
    }
    moments.add(Moment.threshold(asOf, SlaTimeline.Cause.AS_OF, null, null, events));
    // events before thresholds at the same instant: a clock stopped at its deadline has met it
    moments.sort(
        Comparator.comparing(Moment::at)
            .thenComparing(m -> m.cause() != SlaTimeline.Cause.EVENT)
            .thenComparingInt(Moment::eventsIncluded));

    List<SlaTimeline.Step> steps = new ArrayList<>();
    Map<Metric, ClockReading> previous = new EnumMap<>(Metric.class);
    for (Moment moment : moments) {
      TicketSla sla =
          evaluator.evaluate(
              ticketId, events.subList(0, moment.eventsIncluded()), subscriptions, moment.at());
      if (!sla.opened()) {
        continue;
      }
      List<SlaTimeline.ClockStep> clocks = new ArrayList<>();
      for (ClockReading clock : sla.clocks()) {
        ClockReading before =
            Optional.ofNullable(previous.get(clock.metric()))
                .filter(b -> Objects.equals(b.cycleStartedAt(), clock.cycleStartedAt()))
                .orElse(null);
        Duration counted =
            before == null ? clock.elapsed() : clock.elapsed().minus(before.elapsed());
        Instant deadlineBefore =
            before != null && !Objects.equals(before.deadline(), clock.deadline())
                ? before.deadline()
                : null;
        clocks.add(
            new SlaTimeline.ClockStep(
                clock.metric(),
                clock.status(),
                TicketState.of(clock, moment.at()),
                clock.calendarId(),
                clock.calendarVersion(),
                clock.target(),
                counted.isNegative() ? Duration.ZERO : counted,
                clock.elapsed(),
                clock.deadline(),
                deadlineBefore,
                clock.cycleStartedAt()));
        previous.put(clock.metric(), clock);
      }
      TicketEvent event = moment.event();
      steps.add(
          new SlaTimeline.Step(
              moment.at(),
              moment.cause(),
              event == null ? null : event.eventId(),
              event == null ? null : event.eventType().wireName(),
              moment.metric(),
              moment.percent(),
              sla.priority(),
              List.copyOf(clocks)));
    }
    return new SlaTimeline(ticketId, now.planId(), now.planVersion(), asOf, List.copyOf(steps));
  }

  /** An instant to read the clocks at, and how many of the sorted events had happened by then. */
  private record Moment(
      Instant at,
      SlaTimeline.Cause cause,
      TicketEvent event,
      Metric metric,
      Integer percent,
      int eventsIncluded) {

    static Moment event(TicketEvent event, int included) {
      return new Moment(
          event.occurredAt().toInstant(), SlaTimeline.Cause.EVENT, event, null, null, included);
    }

    static Moment threshold(
        Instant at,
        SlaTimeline.Cause cause,
        Metric metric,
        Integer percent,
        List<TicketEvent> events) {
      int included =
          (int) events.stream().filter(e -> !e.occurredAt().toInstant().isAfter(at)).count();
      return new Moment(at, cause, null, metric, percent, included);
    }
  }
}
