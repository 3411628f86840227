package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket's sorted events turned into wall-time facts: which priority was in force when, when each
 * clock was running (not stopped), and when the ticket waited on the customer.
 */
final class TicketTimeline {

  /** {@code priority} is in force from {@code from} until the next span starts. */
  record PrioritySpan(Instant from, String priority) {}

  private final List<PrioritySpan> priorities;
  private final Map<Metric, List<Interval>> running;
  private final List<Interval> pauses;
  private final Map<Metric, List<Interval>> cycles;

  private TicketTimeline(
      List<PrioritySpan> priorities,
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

  /**
   * @param events sorted by occurredAt
   */
  static TicketTimeline of(
      List<TicketEvent> events, Plan plan, TicketEvent.TicketOpened opened, Instant start) {
    int lastDowngrade = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof TicketEvent.TicketDowngraded d
          && plan.hasPriority(d.priority())) {
        lastDowngrade = i;
      }
    }
    String initial =
        lastDowngrade >= 0
            ? ((TicketEvent.TicketDowngraded) events.get(lastDowngrade)).priority()
            : opened.priority();
    List<PrioritySpan> priorities = new ArrayList<>();
    priorities.add(new PrioritySpan(start, initial));

    Map<Metric, RunTracker> trackers = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      if (!isCyclic(metric)) {
        trackers.put(metric, new RunTracker(start));
      }
    }
    List<Interval> pauses = new ArrayList<>();
    Instant pausedSince = null;
    ReplyCycles replies = new ReplyCycles(start);
    for (int i = 0; i < events.size(); i++) {
      TicketEvent event = events.get(i);
      Instant at = later(event.occurredAt().toInstant(), start);
      replies.apply(event, at);
      if (event instanceof TicketEvent.PriorityChanged changed) {
        if (i > lastDowngrade && plan.hasPriority(changed.priority())) {
          addSpan(priorities, new PrioritySpan(at, changed.priority()));
        }
      } else if (event instanceof TicketEvent.WorkStarted) {
        trackers.get(Metric.RESPONSE).stopOnce(at);
      } else if (event instanceof TicketEvent.ServiceRestored) {
        trackers.get(Metric.RESTORE).stopOnce(at);
      } else if (event instanceof TicketEvent.TicketResolved
          || event instanceof TicketEvent.TicketClosed) {
        stopAll(trackers, at);
      } else if (event instanceof TicketEvent.TicketReopened) {
        trackers.get(Metric.RESOLUTION).resume(at);
      } else if (event instanceof TicketEvent.TicketPaused && pausedSince == null) {
        pausedSince = at;
      } else if (event instanceof TicketEvent.TicketResumed && pausedSince != null) {
        pauses.add(new Interval(pausedSince, at));
        pausedSince = null;
      }
    }
    if (pausedSince != null) {
      pauses.add(new Interval(pausedSince, null));
    }
    Map<Metric, List<Interval>> running = new EnumMap<>(Metric.class);
    trackers.forEach((metric, tracker) -> running.put(metric, tracker.intervals()));
    return new TicketTimeline(
        List.copyOf(priorities), running, List.copyOf(pauses), replies.cycles());
  }

  private static void addSpan(List<PrioritySpan> spans, PrioritySpan span) {
    PrioritySpan last = spans.get(spans.size() - 1);
    if (last.from().equals(span.from())) {
      spans.set(spans.size() - 1, span);
    } else if (!last.priority().equals(span.priority())) {
      spans.add(span);
    }
  }

  private static void stopAll(Map<Metric, RunTracker> trackers, Instant at) {
    trackers.get(Metric.RESPONSE).stopOnce(at);
    trackers.get(Metric.RESTORE).stopOnce(at);
    trackers.get(Metric.RESOLUTION).stop(at);
  }

  List<PrioritySpan> priorities() {
    return priorities;
  }

  String priorityAt(Instant instant) {
    String current = priorities.get(0).priority();
    for (PrioritySpan span : priorities) {
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

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Running intervals of one clock, built event by event. */
  private static final class RunTracker {
    private final List<Interval> closed = new ArrayList<>();
    private Instant runningSince;
    private boolean stoppedForGood;

    RunTracker(Instant start) {
      this.runningSince = start;
    }

    void stopOnce(Instant at) {
      stop(at);
      stoppedForGood = true;
    }

    void stop(Instant at) {
      if (runningSince != null) {
        closed.add(new Interval(runningSince, at));
        runningSince = null;
      }
    }

    void resume(Instant at) {
      if (runningSince == null && !stoppedForGood) {
        runningSince = at;
      }
    }

    List<Interval> intervals() {
      List<Interval> all = new ArrayList<>(closed);
      if (runningSince != null) {
        all.add(new Interval(runningSince, null));
      }
      return List.copyOf(all);
    }
  }

  /**
   * The cycles of the reply metrics, built event by event (ADR 0014). Only a PUBLIC agent reply
   * answers; resolving or closing ends a waiting cycle; replies while the ticket is resolved or
   * closed count for nothing, and a reopening starts a new PERIODIC_UPDATE cycle.
   */
  private static final class ReplyCycles {
    private final List<Interval> nextReply = new ArrayList<>();
    private final List<Interval> periodicUpdate = new ArrayList<>();
    private Instant awaitingReplySince;
    private Instant updateDueSince;
    private boolean open = true;

    ReplyCycles(Instant start) {
      this.updateDueSince = start;
    }

    void apply(TicketEvent event, Instant at) {
      if (event instanceof TicketEvent.CustomerReplied && open && awaitingReplySince == null) {
        awaitingReplySince = at;
      } else if (event instanceof TicketEvent.AgentReplied reply
          && open
          && reply.visibility() == ReplyVisibility.PUBLIC) {
        endWaiting(at);
        updateDueSince = at;
      } else if ((event instanceof TicketEvent.TicketResolved
              || event instanceof TicketEvent.TicketClosed)
          && open) {
        endWaiting(at);
        open = false;
      } else if (event instanceof TicketEvent.TicketReopened && !open) {
        open = true;
        updateDueSince = at;
      }
    }

    private void endWaiting(Instant at) {
      if (awaitingReplySince != null) {
        nextReply.add(new Interval(awaitingReplySince, at));
        awaitingReplySince = null;
      }
      if (updateDueSince != null) {
        periodicUpdate.add(new Interval(updateDueSince, at));
        updateDueSince = null;
      }
    }

    Map<Metric, List<Interval>> cycles() {
      Map<Metric, List<Interval>> all = new EnumMap<>(Metric.class);
      all.put(Metric.NEXT_REPLY, withOpen(nextReply, awaitingReplySince));
      all.put(Metric.PERIODIC_UPDATE, withOpen(periodicUpdate, updateDueSince));
      return all;
    }

    private static List<Interval> withOpen(List<Interval> closed, Instant openSince) {
      List<Interval> all = new ArrayList<>(closed);
      if (openSince != null) {
        all.add(new Interval(openSince, null));
      }
      return List.copyOf(all);
    }
  }
}
