package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.SlaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * (what was published, the ticket's SLA now, time) → (what is published now, outgoing events).
 * Outgoing events express only the difference: a new breach, warning or met clock, and the
 * retraction of a published breach that no longer holds. Re-folding the same history yields no
 * event at all, which is what makes redelivery and replay harmless.
 */
public final class SlaProjector {

  private SlaProjector() {
  }

  /** The facts now published and the events that tell the world what changed. */
  public record Transition(List<SlaFact> published, List<SlaEvent> outgoing) {
  }

  public static Transition advance(List<SlaFact> previouslyPublished, TicketSla sla, Instant detectedAt) {
    if (!sla.opened()) {
      return new Transition(previouslyPublished, List.of());
    }
    Set<String> before = previouslyPublished.stream().map(SlaFact::key).collect(Collectors.toSet());
    Map<String, SlaFact> now = sla.dueFacts().stream()
        .collect(Collectors.toMap(SlaFact::key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    List<SlaEvent> outgoing = new ArrayList<>();
    for (SlaFact fact : previouslyPublished) {
      if (fact instanceof SlaFact.Breach breach && !now.containsKey(breach.key())) {
        String breachId = StableIds.ofFact(sla.ticketId(), breach);
        outgoing.add(new SlaEvent.SlaBreachRetracted(StableIds.of(breachId, "retracted"), sla.ticketId(),
            sla.customerId(), sla.planId(), breach.priority(), breach.metric(), breach.target(), breach.deadline(),
            detectedAt, breachId));
      }
    }
    for (SlaFact fact : now.values()) {
      if (!before.contains(fact.key())) {
        outgoing.add(toEvent(sla, fact, detectedAt));
      }
    }
    return new Transition(List.copyOf(now.values()), List.copyOf(outgoing));
  }

  private static SlaEvent toEvent(TicketSla sla, SlaFact fact, Instant detectedAt) {
    String id = StableIds.ofFact(sla.ticketId(), fact);
    if (fact instanceof SlaFact.Breach b) {
      return new SlaEvent.SlaBreached(id, sla.ticketId(), sla.customerId(), sla.planId(), b.priority(), b.metric(),
          b.target(), b.deadline(), detectedAt);
    }
    if (fact instanceof SlaFact.Warning w) {
      return new SlaEvent.SlaWarningReached(id, sla.ticketId(), sla.customerId(), sla.planId(), w.priority(),
          w.metric(), w.target(), w.deadline(), detectedAt, w.percent(), w.effectiveAt());
    }
    SlaFact.Met m = (SlaFact.Met) fact;
    return new SlaEvent.SlaMet(id, sla.ticketId(), sla.customerId(), sla.planId(), m.priority(), m.metric(),
        m.target(), m.deadline(), detectedAt, m.effectiveAt());
  }
}
