package dev.slaservice.sla.rest;

import dev.slaservice.sla.domain.sla.PlannedTicket;
import java.util.Locale;

/**
 * The fields that head every ticket the API shows, with the plan's and the priority's display names
 * in the client's language; unwrapped into the views, so they stand at the top of each.
 */
record TicketHeading(
    String ticketId,
    String customerId,
    String planId,
    String planName,
    int planVersion,
    String priority,
    String priorityName) {

  static TicketHeading of(PlannedTicket ticket, Locale locale) {
    return new TicketHeading(
        ticket.ticketId(),
        ticket.customerId(),
        ticket.planId(),
        Names.plan(locale, ticket.planId(), null),
        ticket.planVersion(),
        ticket.priority(),
        Names.priority(locale, ticket.priority()));
  }
}
