package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import java.time.Instant;
import java.util.Optional;

/**
 * A plan version defined through the API: its definition, when it takes effect, and when it was
 * retired, if so.
 */
public record DefinedPlanVersion(
    String planId,
    int version,
    Instant effectiveFrom,
    PlanDefinition definition,
    Optional<Instant> retiredAt) {}
