package dev.slaservice.sla.webhook;

/** What entering a helpdesk status means for the SLA clocks. */
public enum StatusAction {
  /** Work has started (meets the response target); also ends a pause. */
  IN_PROGRESS,
  /** Waiting on the customer: pausable clocks stop. */
  PAUSE,
  /**
   * An active status that is not "in progress" (e.g. open, to do): ends a pause, reopens a resolved
   * ticket.
   */
  RESUME,
  /** Resolved: meets the resolution target; leaving it for an active status reopens. */
  RESOLVE,
  /** Closed: stops the clocks for good. */
  CLOSE;

  boolean done() {
    return this == RESOLVE || this == CLOSE;
  }
}
