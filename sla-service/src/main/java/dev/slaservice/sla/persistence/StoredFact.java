package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.time.Duration;
import java.time.Instant;

/**
 * The stored form of a published fact (the projection's {@code published} column); {@code
 * cycleStart} only for a reply metric's fact, absent from rows written before there were any.
 */
record StoredFact(
    String kind,
    Metric metric,
    String priority,
    Duration target,
    Instant deadline,
    Integer percent,
    Instant effectiveAt,
    Instant cycleStart) {

  static StoredFact of(SlaFact fact) {
    Integer percent = fact instanceof SlaFact.Warning w ? w.percent() : null;
    String kind =
        fact instanceof SlaFact.Breach
            ? "BREACH"
            : fact instanceof SlaFact.Warning
                ? "WARNING"
                : fact instanceof SlaFact.Deadline ? "DEADLINE" : "MET";
    return new StoredFact(
        kind,
        fact.metric(),
        fact.priority(),
        fact.target(),
        fact.deadline(),
        percent,
        fact.effectiveAt(),
        fact.cycleStart());
  }

  SlaFact toFact() {
    SlaFact.Goal goal = new SlaFact.Goal(metric, priority, target, deadline);
    return switch (kind) {
      case "BREACH" -> new SlaFact.Breach(goal, effectiveAt, cycleStart);
      case "WARNING" -> new SlaFact.Warning(goal, percent, effectiveAt, cycleStart);
      case "MET" -> new SlaFact.Met(goal, effectiveAt, cycleStart);
      case "DEADLINE" -> new SlaFact.Deadline(goal, effectiveAt, cycleStart);
      default -> throw new IllegalStateException("unknown stored fact kind " + kind);
    };
  }
}
