package dev.slaservice.events;

/**
 * What an SLA clock measures, and the event that stops it. The reply metrics run in cycles (ADR
 * 0014).
 */
public enum Metric {
  /** Until the first WorkStarted ("Work Started" status). */
  RESPONSE,
  /** Until ServiceRestored (a workaround is in place; EMQ 恢复). */
  RESTORE,
  /** Until TicketResolved or TicketClosed (the fix; EMQ 修复). */
  RESOLUTION,
  /**
   * One cycle per unanswered customer reply: from a CustomerReplied until the next public
   * AgentReplied (or the ticket is resolved or closed).
   */
  NEXT_REPLY,
  /**
   * One cycle per interval between public updates: from the opening (or a reopening, or a public
   * AgentReplied) until the next public AgentReplied (or the ticket is resolved or closed).
   */
  PERIODIC_UPDATE
}
