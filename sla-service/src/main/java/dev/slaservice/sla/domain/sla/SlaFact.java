package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.Instant;

/**
 * Something the world is told about a clock. Facts follow from a ticket's events alone, so the
 * same history always yields the same facts; {@link #key()} identifies a fact across evaluations.
 */
public sealed interface SlaFact {

  Metric metric();

  String priority();

  Duration target();

  Instant deadline();

  /** The instant the fact took effect; it is due once the service's clock reaches it. */
  Instant effectiveAt();

  String key();

  /** The deadline passed with the clock running; effective at the deadline, or at a later re-rating. */
  record Breach(Metric metric, String priority, Duration target, Instant deadline, Instant effectiveAt)
      implements SlaFact {
    @Override
    public String key() {
      return "BREACH/" + metric + "/" + deadline;
    }
  }

  /** {@code percent} % of the target was used at {@code effectiveAt}. */
  record Warning(Metric metric, String priority, Duration target, Instant deadline, int percent,
                 Instant effectiveAt) implements SlaFact {
    @Override
    public String key() {
      return "WARNING/" + metric + "/" + percent;
    }
  }

  /** The clock stopped at {@code effectiveAt}, no later than its deadline. */
  record Met(Metric metric, String priority, Duration target, Instant deadline, Instant effectiveAt)
      implements SlaFact {
    @Override
    public String key() {
      return "MET/" + metric + "/" + effectiveAt;
    }
  }

  /** The deadline a running clock was last published with; compared, not announced, by {@link SlaProjector}. */
  record Deadline(Metric metric, String priority, Duration target, Instant deadline, Instant effectiveAt)
      implements SlaFact {
    @Override
    public String key() {
      return "DEADLINE/" + metric;
    }
  }
}
