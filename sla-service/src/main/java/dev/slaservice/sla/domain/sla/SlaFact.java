package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.Instant;

/**
 * Something the world is told about a clock. Facts follow from a ticket's events alone, so the same
 * history always yields the same facts; {@link #key()} identifies a fact across evaluations. A fact
 * of a reply metric belongs to one cycle of its clock, named by the cycle's start.
 */
public sealed interface SlaFact {

  /** The goal a fact is about: a metric's target under a priority, and the deadline it gave. */
  record Goal(Metric metric, String priority, Duration target, Instant deadline) {}

  Goal goal();

  default Metric metric() {
    return goal().metric();
  }

  default String priority() {
    return goal().priority();
  }

  default Duration target() {
    return goal().target();
  }

  default Instant deadline() {
    return goal().deadline();
  }

  /** The instant the fact took effect; it is due once the service's clock reaches it. */
  Instant effectiveAt();

  /**
   * When the cycle the fact belongs to started; null for a clock that runs once (RESPONSE, RESTORE,
   * RESOLUTION).
   */
  Instant cycleStart();

  String key();

  private static String cycleSuffix(Instant cycleStart) {
    return cycleStart == null ? "" : "/CYCLE/" + cycleStart;
  }

  /**
   * The deadline passed with the clock running; effective at the deadline, or at a later re-rating.
   */
  record Breach(Goal goal, Instant effectiveAt, Instant cycleStart) implements SlaFact {

    @Override
    public String key() {
      return "BREACH/" + metric() + "/" + deadline() + cycleSuffix(cycleStart);
    }
  }

  /** {@code percent} % of the target was used at {@code effectiveAt}. */
  record Warning(Goal goal, int percent, Instant effectiveAt, Instant cycleStart)
      implements SlaFact {

    @Override
    public String key() {
      return "WARNING/" + metric() + "/" + percent + cycleSuffix(cycleStart);
    }
  }

  /** The clock stopped at {@code effectiveAt}, no later than its deadline. */
  record Met(Goal goal, Instant effectiveAt, Instant cycleStart) implements SlaFact {

    @Override
    public String key() {
      return "MET/" + metric() + "/" + effectiveAt + cycleSuffix(cycleStart);
    }
  }

  /**
   * The deadline a running clock was last published with; compared, not announced, by {@link
   * SlaProjector}.
   */
  record Deadline(Goal goal, Instant effectiveAt, Instant cycleStart) implements SlaFact {

    @Override
    public String key() {
      return "DEADLINE/" + metric();
    }
  }
}
