package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.time.Duration;
import java.time.Instant;

/** The stored form of a published fact (the projection's {@code published} column). */
record StoredFact(String kind, Metric metric, String priority, Duration target, Instant deadline,
                  Integer percent, Instant effectiveAt) {

  static StoredFact of(SlaFact fact) {
    if (fact instanceof SlaFact.Breach b) {
      return new StoredFact("BREACH", b.metric(), b.priority(), b.target(), b.deadline(), null, b.effectiveAt());
    }
    if (fact instanceof SlaFact.Warning w) {
      return new StoredFact("WARNING", w.metric(), w.priority(), w.target(), w.deadline(), w.percent(),
          w.effectiveAt());
    }
    if (fact instanceof SlaFact.Deadline d) {
      return new StoredFact("DEADLINE", d.metric(), d.priority(), d.target(), d.deadline(), null, d.effectiveAt());
    }
    SlaFact.Met m = (SlaFact.Met) fact;
    return new StoredFact("MET", m.metric(), m.priority(), m.target(), m.deadline(), null, m.effectiveAt());
  }

  SlaFact toFact() {
    return switch (kind) {
      case "BREACH" -> new SlaFact.Breach(metric, priority, target, deadline, effectiveAt);
      case "WARNING" -> new SlaFact.Warning(metric, priority, target, deadline, percent, effectiveAt);
      case "MET" -> new SlaFact.Met(metric, priority, target, deadline, effectiveAt);
      case "DEADLINE" -> new SlaFact.Deadline(metric, priority, target, deadline, effectiveAt);
      default -> throw new IllegalStateException("unknown stored fact kind " + kind);
    };
  }
}
