package dev.slaservice.sla.domain.policy.definition;

import java.math.BigDecimal;

/**
 * What a plan owes its customers for missed targets. More kinds may follow; each has its own {@code
 * kind}.
 */
public sealed interface CompensationTerms {

  /** No compensation. */
  record None() implements CompensationTerms {}

  /**
   * A share of the monthly fee for every ticket whose target was missed in the month; the month's
   * total never exceeds that month's fee.
   */
  record PercentPerBreachedTicket(BigDecimal percentOfMonthlyFee) implements CompensationTerms {}
}
