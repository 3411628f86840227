package dev.slaservice.sla.domain.compensation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** A plan's compensation terms, as data: what a missed SLA is worth to the customer. */
public sealed interface CreditRule {

  /** No compensation terms (EMQ, Orangesky). */
  record None() implements CreditRule {}

  /**
   * Websoft9: for each ticket whose target was missed, {@code percentOfFee} % of the subscription
   * fee of the month of the breach; the month's total never exceeds that month's fee.
   */
  record PerMissedTicket(BigDecimal percentOfFee) implements CreditRule {}

  /**
   * A credit for the whole month tiered by the share of the month's tickets that met all their
   * targets, as cloud SLAs tier by uptime: the first tier whose {@code metShareBelow} the month's
   * share falls under gives its {@code percentOfFee}.
   */
  record TieredByMetShare(List<Tier> tiers) implements CreditRule {
    public TieredByMetShare {
      tiers = tiers.stream().sorted(Comparator.comparing(Tier::metShareBelow)).toList();
    }
  }

  /**
   * Met share strictly below {@code metShareBelow} (0..1) earns {@code percentOfFee} % of the fee.
   */
  record Tier(BigDecimal metShareBelow, BigDecimal percentOfFee) {}
}
