package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Why a ticket's clocks read what they read: its history as a sequence of steps, each an event or
 * an instant the clocks crossed a threshold, with every clock as it stood right after the step.
 *
 * @param asOf the instant of the last step, a reading of the clocks "now"
 */
public record SlaTimeline(
    String ticketId, String planId, int planVersion, Instant asOf, List<Step> steps) {

  /** What a step is. */
  public enum Cause {
    /** A ticket event; {@link Step#eventId()} and {@link Step#eventType()} name it. */
    EVENT,
    /** A clock used up one of the plan's warning shares of its target. */
    WARNING_REACHED,
    /** A running clock reached its deadline. */
    DEADLINE_PASSED,
    /** The reading at the instant asked about. */
    AS_OF
  }

  /**
   * One step.
   *
   * @param metric for a threshold step, the clock that crossed it
   * @param percent for WARNING_REACHED, the share of the target used up
   * @param priority the priority the ticket is judged by after the step
   */
  public record Step(
      Instant at,
      Cause cause,
      String eventId,
      String eventType,
      Metric metric,
      Integer percent,
      String priority,
      List<ClockStep> clocks) {}

  /**
   * One clock right after a step.
   *
   * @param counted business time the clock counted since the previous step (zero while paused,
   *     stopped or outside business hours)
   * @param deadlineBefore the deadline before the step when the step moved it (a priority change, a
   *     pause, a downgrade), else null
   * @param cycleStartedAt for a reply metric, when its current cycle started (a new cycle counts
   *     afresh)
   */
  public record ClockStep(
      Metric metric,
      ClockStatus status,
      TicketState state,
      String calendarId,
      int calendarVersion,
      Duration target,
      Duration counted,
      Duration elapsed,
      Instant deadline,
      Instant deadlineBefore,
      Instant cycleStartedAt) {}
}
