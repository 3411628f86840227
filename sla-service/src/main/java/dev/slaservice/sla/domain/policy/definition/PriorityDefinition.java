package dev.slaservice.sla.domain.policy.definition;

import dev.slaservice.events.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A priority of a plan: its id as events name it, its display names, and the terms of each of its
 * metrics.
 */
public record PriorityDefinition(String id, LocalizedName names, Map<Metric, MetricTerms> targets) {

  public PriorityDefinition {
    targets = targets.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(targets));
  }
}
