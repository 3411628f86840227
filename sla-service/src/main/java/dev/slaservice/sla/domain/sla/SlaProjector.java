package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.events.SlaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * (what was published, the ticket's SLA now, time) → (what is published now, outgoing events).
 * Outgoing events express only the difference: a new breach, warning or met clock, a moved deadline
 * (old and new), and the retraction of a published breach that no longer holds. Re-folding the same
 * history yields no event at all, which is what makes redelivery and replay harmless.
 */
public final class SlaProjector {

  private SlaProjector() {}

  /** The facts now published and the events that tell the world what changed. */
  public record Transition(List<SlaFact> published, List<SlaEvent> outgoing) {}

  public static Transition advance(
      List<SlaFact> previouslyPublished, TicketSla sla, Instant detectedAt) {
    if (!sla.opened()) {
      return new Transition(previouslyPublished, List.of());
    }
    Set<String> before = previouslyPublished.stream().map(SlaFact::key).collect(Collectors.toSet());
    Map<String, SlaFact> now =
        sla.dueFacts().stream()
            .collect(
                Collectors.toMap(
                    SlaFact::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<SlaEvent> outgoing = new ArrayList<>();
    for (SlaFact fact : previouslyPublished) {
      if (fact instanceof SlaFact.Breach breach && !now.containsKey(breach.key())) {
        String breachId = StableIds.ofFact(sla.ticketId(), breach);
        outgoing.add(
            new SlaEvent.SlaBreachRetracted(
                StableIds.of(breachId, "retracted"),
                sla.ticketId(),
                sla.customerId(),
                sla.planId(),
                breach.priority(),
                breach.metric(),
                breach.target(),
                breach.deadline(),
                detectedAt,
                breachId));
      }
    }
    for (SlaFact fact : now.values()) {
      if (!before.contains(fact.key())) {
        outgoing.add(toEvent(sla, fact, detectedAt));
      }
    }
    List<SlaFact> published = new ArrayList<>(now.values());
    published.addAll(deadlines(previouslyPublished, sla, detectedAt, outgoing));
    return new Transition(List.copyOf(published), List.copyOf(outgoing));
  }

  /**
   * Each running clock's deadline; a change from the one published before goes out as
   * SlaGoalChanged. A paused clock keeps its last deadline (its change shows when it runs again); a
   * stopped clock's is dropped, so the record depends on the ticket's state, not on how its events
   * were batched.
   */
  private static List<SlaFact.Deadline> deadlines(
      List<SlaFact> previouslyPublished,
      TicketSla sla,
      Instant detectedAt,
      List<SlaEvent> outgoing) {
    Map<Metric, SlaFact.Deadline> previous = new EnumMap<>(Metric.class);
    previouslyPublished.stream()
        .filter(SlaFact.Deadline.class::isInstance)
        .map(SlaFact.Deadline.class::cast)
        .forEach(d -> previous.put(d.metric(), d));
    Map<Metric, SlaFact.Deadline> current = new EnumMap<>(Metric.class);
    for (ClockReading clock : sla.clocks()) {
      if (clock.status() == ClockStatus.PAUSED && previous.containsKey(clock.metric())) {
        current.put(clock.metric(), previous.get(clock.metric()));
      }
      if (clock.status() != ClockStatus.RUNNING || clock.deadline() == null) {
        continue;
      }
      SlaFact.Deadline after =
          new SlaFact.Deadline(
              new SlaFact.Goal(clock.metric(), sla.priority(), clock.target(), clock.deadline()),
              detectedAt,
              clock.cycleStartedAt());
      // a new cycle of a reply metric has a deadline of its own; it did not move the last cycle's
      SlaFact.Deadline before =
          Optional.ofNullable(previous.get(clock.metric()))
              .filter(d -> Objects.equals(d.cycleStart(), after.cycleStart()))
              .orElse(null);
      if (before != null
          && (!before.deadline().equals(after.deadline())
              || !before.target().equals(after.target()))) {
        outgoing.add(
            new SlaEvent.SlaGoalChanged(
                StableIds.of(
                    sla.ticketId(),
                    "GOAL",
                    clock.metric().name(),
                    before.deadline().toString(),
                    after.deadline().toString()),
                sla.ticketId(),
                sla.customerId(),
                sla.planId(),
                after.priority(),
                clock.metric(),
                after.target(),
                after.deadline(),
                detectedAt,
                before.target(),
                before.deadline()));
      }
      current.put(
          clock.metric(),
          before != null
                  && before.deadline().equals(after.deadline())
                  && before.target().equals(after.target())
              ? before
              : after);
    }
    return List.copyOf(current.values());
  }

  private static SlaEvent toEvent(TicketSla sla, SlaFact fact, Instant detectedAt) {
    String id = StableIds.ofFact(sla.ticketId(), fact);
    if (fact instanceof SlaFact.Breach b) {
      return new SlaEvent.SlaBreached(
          id,
          sla.ticketId(),
          sla.customerId(),
          sla.planId(),
          b.priority(),
          b.metric(),
          b.target(),
          b.deadline(),
          detectedAt);
    }
    if (fact instanceof SlaFact.Warning w) {
      return new SlaEvent.SlaWarningReached(
          id,
          sla.ticketId(),
          sla.customerId(),
          sla.planId(),
          w.priority(),
          w.metric(),
          w.target(),
          w.deadline(),
          detectedAt,
          w.percent(),
          w.effectiveAt());
    }
    SlaFact.Met m = (SlaFact.Met) fact;
    return new SlaEvent.SlaMet(
        id,
        sla.ticketId(),
        sla.customerId(),
        sla.planId(),
        m.priority(),
        m.metric(),
        m.target(),
        m.deadline(),
        detectedAt,
        m.effectiveAt());
  }
}
