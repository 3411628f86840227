package dev.slaservice.sla.domain.policy.definition;

/**
 * The terms of one metric at one priority.
 *
 * @param pausesWhileWaitingOnCustomer whether the clock stops counting between TicketPaused and
 *     TicketResumed
 */
public record MetricTerms(Target target, String calendarId, boolean pausesWhileWaitingOnCustomer) {}
