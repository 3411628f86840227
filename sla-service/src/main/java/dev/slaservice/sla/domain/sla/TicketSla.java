package dev.slaservice.sla.domain.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's SLA as its events establish it at one instant.
 *
 * @param opened false while no TicketOpened has arrived (events may arrive out of order)
 * @param dueFacts the facts in effect at that instant
 * @param nextChange the next instant a fact takes effect by time alone (a warning or a deadline)
 */
public record TicketSla(String ticketId, boolean opened, String customerId, String planId, int planVersion,
                        String priority, Instant openedAt, List<ClockReading> clocks, List<SlaFact> dueFacts,
                        Optional<Instant> nextChange) {

  static TicketSla awaitingOpen(String ticketId) {
    return new TicketSla(ticketId, false, null, null, 0, null, null, List.of(), List.of(), Optional.empty());
  }
}
