package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.ExclusionReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's SLA as its events establish it at one instant.
 *
 * @param opened false while no TicketOpened has arrived (events may arrive out of order)
 * @param dueFacts the facts in effect at that instant
 * @param nextChange the next instant a fact takes effect by time alone (a warning or a deadline)
 * @param exclusion why the ticket's breaches earn no compensation (the latest TicketExcluded), if
 *     any
 */
public record TicketSla(
    String ticketId,
    boolean opened,
    String customerId,
    String planId,
    int planVersion,
    String priority,
    Instant openedAt,
    List<ClockReading> clocks,
    List<SlaFact> dueFacts,
    Optional<Instant> nextChange,
    Optional<ExclusionReason> exclusion)
    implements PlannedTicket {

  static TicketSla awaitingOpen(String ticketId) {
    return new TicketSla(
        ticketId,
        false,
        null,
        null,
        0,
        null,
        null,
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
