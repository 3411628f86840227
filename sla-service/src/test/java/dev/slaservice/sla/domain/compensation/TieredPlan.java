package dev.slaservice.sla.domain.compensation;

import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A plan on websoft9-standard's clocks whose credit is tiered by the month's met share. */
final class TieredPlan {

  private TieredPlan() {}

  static Plan tiered() {
    return new Plan(
        "tiered",
        1,
        Instant.EPOCH,
        "Tiered",
        new BuiltInCatalog().plan("websoft9-standard").orElseThrow().priorities(),
        Plan.DEFAULT_WARNING_PERCENTS,
        new CreditRule.TieredByMetShare(
            List.of(
                new CreditRule.Tier(new BigDecimal("0.95"), BigDecimal.TEN),
                new CreditRule.Tier(new BigDecimal("0.90"), new BigDecimal("25")))));
  }
}
