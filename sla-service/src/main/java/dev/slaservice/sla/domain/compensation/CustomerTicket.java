package dev.slaservice.sla.domain.compensation;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What compensation needs of one of the customer's tickets: when it opened, its breaches, its
 * exclusion.
 */
public record CustomerTicket(
    String ticketId,
    Instant openedAt,
    List<SlaFact.Breach> breaches,
    Optional<ExclusionReason> exclusion) {

  public CustomerTicket {
    breaches = breaches.stream().sorted(Comparator.comparing(SlaFact::effectiveAt)).toList();
  }

  /**
   * When the ticket first missed a target: a ticket earns one credit however many clocks breached.
   */
  public Optional<Instant> firstBreach() {
    return breaches.stream().map(SlaFact::effectiveAt).findFirst();
  }
}
