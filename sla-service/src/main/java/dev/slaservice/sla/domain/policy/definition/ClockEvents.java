package dev.slaservice.sla.domain.policy.definition;

import dev.slaservice.events.Metric;
import java.util.List;
import java.util.Map;

/**
 * Which events start, stop, pause and resume a metric's clock, by their wire names. Pausing applies
 * only to a priority whose terms pause while waiting on the customer.
 *
 * <p>The engine applies the fixed rules of {@link #defaults(Metric)}; a definition may state them
 * but not choose others yet (see ADR 0012). The reply metrics run in cycles: AgentReplied means a
 * PUBLIC reply, and for PERIODIC_UPDATE it both ends a cycle and starts the next (ADR 0014).
 */
public record ClockEvents(
    List<String> start, List<String> stop, List<String> pause, List<String> resume) {

  private static final List<String> CLOSING = List.of("TicketResolved", "TicketClosed");

  private static final Map<Metric, ClockEvents> DEFAULTS =
      Map.of(
          Metric.RESPONSE,
          pausable(List.of("TicketOpened"), stopOrClosing("WorkStarted")),
          Metric.RESTORE,
          pausable(List.of("TicketOpened"), stopOrClosing("ServiceRestored")),
          Metric.RESOLUTION,
          pausable(List.of("TicketOpened", "TicketReopened"), CLOSING),
          Metric.NEXT_REPLY,
          pausable(List.of("CustomerReplied"), stopOrClosing("AgentReplied")),
          Metric.PERIODIC_UPDATE,
          pausable(
              List.of("TicketOpened", "TicketReopened", "AgentReplied"),
              stopOrClosing("AgentReplied")));

  public ClockEvents {
    start = List.copyOf(start);
    stop = List.copyOf(stop);
    pause = List.copyOf(pause);
    resume = List.copyOf(resume);
  }

  /**
   * Today's fixed rules, e.g. RESPONSE stops at the first WorkStarted (or at resolving or closing).
   */
  public static ClockEvents defaults(Metric metric) {
    return DEFAULTS.get(metric);
  }

  /** Every default clock pauses on TicketPaused and resumes on TicketResumed. */
  private static ClockEvents pausable(List<String> start, List<String> stop) {
    return new ClockEvents(start, stop, List.of("TicketPaused"), List.of("TicketResumed"));
  }

  /** {@code stop}, then resolving or closing the ticket. */
  private static List<String> stopOrClosing(String stop) {
    return List.of(stop, "TicketResolved", "TicketClosed");
  }

  /** The events of one role: {@code start}, {@code stop}, {@code pause} or {@code resume}. */
  public List<String> of(String role) {
    return switch (role) {
      case "start" -> start;
      case "stop" -> stop;
      case "pause" -> pause;
      case "resume" -> resume;
      default -> throw new IllegalArgumentException("no such role: " + role);
    };
  }

  public static final List<String> ROLES = List.of("start", "stop", "pause", "resume");
}
