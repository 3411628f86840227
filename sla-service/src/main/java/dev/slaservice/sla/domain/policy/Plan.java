package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.compensation.CreditRule;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A policy: for each of its priorities, the clocks a ticket gets. Versioned: a ticket is judged by
 * the version in force when it was opened ({@code effectiveFrom}); a change of terms is a new
 * version, never an edit of an old one.
 *
 * @param warningPercents shares of a target at which a warning goes out, ascending, each in 1..99
 * @param credit what a missed target is worth to a customer subscribed to the plan
 */
public record Plan(
    String id,
    int version,
    Instant effectiveFrom,
    String name,
    Map<String, Map<Metric, ClockTerms>> priorities,
    List<Integer> warningPercents,
    CreditRule credit) {

  public static final List<Integer> DEFAULT_WARNING_PERCENTS = List.of(50, 75);

  /** A plan without compensation terms. */
  public Plan(
      String id,
      int version,
      Instant effectiveFrom,
      String name,
      Map<String, Map<Metric, ClockTerms>> priorities,
      List<Integer> warningPercents) {
    this(id, version, effectiveFrom, name, priorities, warningPercents, new CreditRule.None());
  }

  public Plan {
    Objects.requireNonNull(credit, "credit");
    if (priorities.isEmpty()) {
      throw new IllegalArgumentException("plan " + id + " has no priority");
    }
    Map<String, Map<Metric, ClockTerms>> copy = new LinkedHashMap<>();
    priorities.forEach((priority, clocks) -> copy.put(priority, Map.copyOf(new EnumMap<>(clocks))));
    priorities = Collections.unmodifiableMap(copy);
    warningPercents = List.copyOf(warningPercents);
    if (warningPercents.stream().anyMatch(p -> p <= 0 || p >= 100)) {
      throw new IllegalArgumentException("warning percents must lie in 1..99: " + warningPercents);
    }
  }

  public boolean hasPriority(String priority) {
    return priorities.containsKey(priority);
  }

  public Set<String> priorityNames() {
    return priorities.keySet();
  }

  /** The clock terms of {@code metric} at {@code priority}, if that priority has such a clock. */
  public Optional<ClockTerms> terms(String priority, Metric metric) {
    return Optional.ofNullable(priorities.getOrDefault(priority, Map.of()).get(metric));
  }
}
