package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket's fold read as wall-time facts: which priority was in force when, when each clock was
 * running (not stopped), and when the ticket waited on the customer.
 */
final class TicketTimeline {

  private final List<TicketFold.PrioritySpan> priorities;
  private final Map<Metric, List<Interval>> running;
  private final List<Interval> pauses;
  private final Map<Metric, List<Interval>> cycles;

  private TicketTimeline(
      List<TicketFold.PrioritySpan> priorities,
      Map<Metric, List<Interval>> running,
      List<Interval> pauses,
      Map<Metric, List<Interval>> cycles) {
    this.priorities = priorities;
    this.running = running;
    this.pauses = pauses;
    this.cycles = cycles;
  }

  /** Whether {@code metric} runs in cycles (the reply metrics) rather than once per ticket. */
  static boolean isCyclic(Metric metric) {
    return metric == Metric.NEXT_REPLY || metric == Metric.PERIODIC_UPDATE;
  }

  static TicketTimeline of(TicketFold fold) {
    Map<Metric, List<Interval>> running = new EnumMap<>(Metric.class);
    fold.runs()
        .forEach((metric, run) -> running.put(metric, withOpen(run.closed(), run.runningSince())));
    Map<Metric, List<Interval>> cycles = new EnumMap<>(Metric.class);
    TicketFold.Replies replies = fold.replies();
    cycles.put(Metric.NEXT_REPLY, withOpen(replies.nextReply(), replies.awaitingReplySince()));
    cycles.put(
        Metric.PERIODIC_UPDATE, withOpen(replies.periodicUpdate(), replies.updateDueSince()));
    return new TicketTimeline(
        fold.priorities(), running, withOpen(fold.pauses(), fold.pausedSince()), cycles);
  }

  private static List<Interval> withOpen(List<Interval> closed, Instant openSince) {
    if (openSince == null) {
      return closed;
    }
    List<Interval> all = new ArrayList<>(closed);
    all.add(new Interval(openSince, null));
    return List.copyOf(all);
  }

  List<TicketFold.PrioritySpan> priorities() {
    return priorities;
  }

  String priorityAt(Instant instant) {
    String current = priorities.get(0).priority();
    for (TicketFold.PrioritySpan span : priorities) {
      if (!span.from().isAfter(instant)) {
        current = span.priority();
      }
    }
    return current;
  }

  /**
   * The cycles of a reply metric in order, each a single interval from the event that started it to
   * the one that met or ended it; the last is open while it waits. Empty while none has started.
   */
  List<Interval> cycles(Metric metric) {
    return cycles.getOrDefault(metric, List.of());
  }

  /** When the clock of {@code metric} was not stopped; the last interval is open while it runs. */
  List<Interval> running(Metric metric) {
    return running.get(metric);
  }

  /**
   * The intervals in which a clock counts: running, and not waiting on the customer if pausable.
   */
  List<Interval> active(List<Interval> runningIntervals, boolean pausable) {
    return pausable ? CountedTime.minus(runningIntervals, pauses) : runningIntervals;
  }

  boolean pausedAt(Instant instant) {
    return pauses.stream().anyMatch(p -> p.contains(instant));
  }
}
