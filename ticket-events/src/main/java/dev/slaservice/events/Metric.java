package dev.slaservice.events;

/** What an SLA clock measures, and the event that stops it. */
public enum Metric {
  /** Until the first WorkStarted ("Work Started" status). */
  RESPONSE,
  /** Until ServiceRestored (a workaround is in place; EMQ 恢复). */
  RESTORE,
  /** Until TicketResolved or TicketClosed (the fix; EMQ 修复). */
  RESOLUTION
}
