package dev.slaservice.sla.domain.sla;

/** Where a clock stands. */
public enum ClockStatus {
  /** Counting toward its deadline. */
  RUNNING,
  /** Stopped while the ticket waits on the customer (pausable clocks only). */
  PAUSED,
  /** Stopped no later than its deadline. */
  MET,
  /** Its deadline passed while it was still running (whether or not it has stopped since). */
  BREACHED
}
