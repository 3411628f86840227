package dev.slaservice.sla.domain.sla;

/**
 * A ticket as every view of it is headed: its customer, the plan version it runs under, and its
 * priority.
 */
public interface PlannedTicket {

  String ticketId();

  String customerId();

  String planId();

  int planVersion();

  String priority();
}
