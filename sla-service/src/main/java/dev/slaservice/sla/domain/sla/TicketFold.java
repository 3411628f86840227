package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.Metric;
import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an opened ticket's events have established, kept so that a later event can be applied to it
 * instead of folding the whole history again (ADR 0016): the priorities in force, when each clock
 * ran, when the ticket waited on the customer, the reply cycles, and the exclusion.
 *
 * <p>{@link #then} applies an event only when the full fold would place it last: an event dated
 * before one already applied, or a downgrade (which re-judges the ticket from its start), needs a
 * full fold of the history instead.
 *
 * @param planVersion the version of the plan the fold was made under; another version means a full
 *     fold
 * @param lastOccurredAt the latest {@code occurredAt} among the events applied
 * @param runs the once-only clocks (RESPONSE, RESTORE, RESOLUTION)
 * @param pausedSince when the current wait on the customer began, null while not waiting
 */
public record TicketFold(
    TicketEvent.TicketOpened opened,
    int planVersion,
    Instant lastOccurredAt,
    List<PrioritySpan> priorities,
    Map<Metric, Run> runs,
    List<Interval> pauses,
    Instant pausedSince,
    Replies replies,
    Optional<ExclusionReason> exclusion) {

  /** {@code priority} is in force from {@code from} until the next span starts. */
  public record PrioritySpan(Instant from, String priority) {}

  /**
   * One clock's running time so far.
   *
   * @param runningSince when it last started running, null while stopped
   * @param stoppedForGood stopped by an event that ends it for good (no reopening resumes it)
   */
  public record Run(List<Interval> closed, Instant runningSince, boolean stoppedForGood) {
    public Run {
      closed = List.copyOf(closed);
    }
  }

  /**
   * The cycles of the reply metrics so far (ADR 0014).
   *
   * @param awaitingReplySince when the waiting NEXT_REPLY cycle began, null if none waits
   * @param updateDueSince when the running PERIODIC_UPDATE cycle began, null if none runs
   * @param open false while the ticket is resolved or closed
   */
  public record Replies(
      List<Interval> nextReply,
      List<Interval> periodicUpdate,
      Instant awaitingReplySince,
      Instant updateDueSince,
      boolean open) {
    public Replies {
      nextReply = List.copyOf(nextReply);
      periodicUpdate = List.copyOf(periodicUpdate);
    }
  }

  /** The metrics that run once per ticket, in the order their runs are kept. */
  public static final List<Metric> ONCE_ONLY =
      List.of(Metric.RESPONSE, Metric.RESTORE, Metric.RESOLUTION);

  public TicketFold {
    priorities = List.copyOf(priorities);
    runs = Map.copyOf(runs);
    pauses = List.copyOf(pauses);
  }

  /**
   * Folds a ticket's whole history.
   *
   * @param events sorted by {@code occurredAt}, ties in arrival order
   * @param opened the first TicketOpened among them
   */
  static TicketFold of(List<TicketEvent> events, Plan plan, TicketEvent.TicketOpened opened) {
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
    Folder folder = Folder.start(opened, plan, initial);
    for (int i = 0; i < events.size(); i++) {
      folder.apply(events.get(i), i > lastDowngrade);
    }
    return folder.result();
  }

  /**
   * This fold with {@code event} applied, or empty when only a full fold can place it: it happened
   * before an event already applied, or it is a downgrade to one of the plan's priorities.
   *
   * @param plan the plan of {@link #planVersion()}
   */
  Optional<TicketFold> then(TicketEvent event, Plan plan) {
    if (event.occurredAt().toInstant().isBefore(lastOccurredAt)
        || event instanceof TicketEvent.TicketDowngraded d && plan.hasPriority(d.priority())) {
      return Optional.empty();
    }
    Folder folder = Folder.resume(this, plan);
    folder.apply(event, true);
    return Optional.of(folder.result());
  }

  Instant start() {
    return opened.occurredAt().toInstant();
  }

  /** Applies events one by one; the mutable working form of a {@link TicketFold}. */
  private static final class Folder {
    private final TicketEvent.TicketOpened opened;
    private final Plan plan;
    private final Instant start;
    private Instant last;
    private final List<PrioritySpan> priorities;
    private final Map<Metric, RunTracker> trackers = new EnumMap<>(Metric.class);
    private final List<Interval> pauses;
    private Instant pausedSince;
    private final List<Interval> nextReply;
    private final List<Interval> periodicUpdate;
    private Instant awaitingReplySince;
    private Instant updateDueSince;
    private boolean open;
    private Optional<ExclusionReason> exclusion;

    private Folder(TicketFold fold, Plan plan) {
      this.opened = fold.opened();
      this.plan = plan;
      this.start = fold.start();
      this.last = fold.lastOccurredAt();
      this.priorities = new ArrayList<>(fold.priorities());
      fold.runs().forEach((metric, run) -> trackers.put(metric, new RunTracker(run)));
      this.pauses = new ArrayList<>(fold.pauses());
      this.pausedSince = fold.pausedSince();
      Replies replies = fold.replies();
      this.nextReply = new ArrayList<>(replies.nextReply());
      this.periodicUpdate = new ArrayList<>(replies.periodicUpdate());
      this.awaitingReplySince = replies.awaitingReplySince();
      this.updateDueSince = replies.updateDueSince();
      this.open = replies.open();
      this.exclusion = fold.exclusion();
    }

    static Folder start(TicketEvent.TicketOpened opened, Plan plan, String initialPriority) {
      Instant start = opened.occurredAt().toInstant();
      Map<Metric, Run> runs = new EnumMap<>(Metric.class);
      ONCE_ONLY.forEach(metric -> runs.put(metric, new Run(List.of(), start, false)));
      TicketFold empty =
          new TicketFold(
              opened,
              plan.version(),
              start,
              List.of(new PrioritySpan(start, initialPriority)),
              runs,
              List.of(),
              null,
              new Replies(List.of(), List.of(), null, start, true),
              Optional.empty());
      return new Folder(empty, plan);
    }

    static Folder resume(TicketFold fold, Plan plan) {
      return new Folder(fold, plan);
    }

    /**
     * @param priorityChanges false for a PriorityChanged that a later downgrade overrides
     */
    void apply(TicketEvent event, boolean priorityChanges) {
      Instant occurred = event.occurredAt().toInstant();
      if (occurred.isAfter(last)) {
        last = occurred;
      }
      Instant at = occurred.isAfter(start) ? occurred : start;
      applyToReplies(event, at);
      if (event instanceof TicketEvent.PriorityChanged changed) {
        if (priorityChanges && plan.hasPriority(changed.priority())) {
          addSpan(new PrioritySpan(at, changed.priority()));
        }
      } else if (event instanceof TicketEvent.WorkStarted) {
        trackers.get(Metric.RESPONSE).stopOnce(at);
      } else if (event instanceof TicketEvent.ServiceRestored) {
        trackers.get(Metric.RESTORE).stopOnce(at);
      } else if (event instanceof TicketEvent.TicketResolved
          || event instanceof TicketEvent.TicketClosed) {
        trackers.get(Metric.RESPONSE).stopOnce(at);
        trackers.get(Metric.RESTORE).stopOnce(at);
        trackers.get(Metric.RESOLUTION).stop(at);
      } else if (event instanceof TicketEvent.TicketReopened) {
        trackers.get(Metric.RESOLUTION).resume(at);
      } else if (event instanceof TicketEvent.TicketPaused && pausedSince == null) {
        pausedSince = at;
      } else if (event instanceof TicketEvent.TicketResumed && pausedSince != null) {
        pauses.add(new Interval(pausedSince, at));
        pausedSince = null;
      } else if (event instanceof TicketEvent.TicketExcluded excluded) {
        exclusion = Optional.of(excluded.reason());
      }
    }

    private void addSpan(PrioritySpan span) {
      PrioritySpan latest = priorities.get(priorities.size() - 1);
      if (latest.from().equals(span.from())) {
        priorities.set(priorities.size() - 1, span);
      } else if (!latest.priority().equals(span.priority())) {
        priorities.add(span);
      }
    }

    /**
     * Only a PUBLIC agent reply answers; resolving or closing ends a waiting cycle; replies while
     * the ticket is resolved or closed count for nothing, and a reopening starts a new
     * PERIODIC_UPDATE cycle.
     */
    private void applyToReplies(TicketEvent event, Instant at) {
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

    TicketFold result() {
      Map<Metric, Run> runs = new EnumMap<>(Metric.class);
      trackers.forEach((metric, tracker) -> runs.put(metric, tracker.run()));
      return new TicketFold(
          opened,
          plan.version(),
          last,
          priorities,
          runs,
          pauses,
          pausedSince,
          new Replies(
              List.copyOf(nextReply),
              List.copyOf(periodicUpdate),
              awaitingReplySince,
              updateDueSince,
              open),
          exclusion);
    }
  }

  /** Running intervals of one clock, built event by event. */
  private static final class RunTracker {
    private final List<Interval> closed;
    private Instant runningSince;
    private boolean stoppedForGood;

    RunTracker(Run run) {
      this.closed = new ArrayList<>(run.closed());
      this.runningSince = run.runningSince();
      this.stoppedForGood = run.stoppedForGood();
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

    Run run() {
      return new Run(List.copyOf(closed), runningSince, stoppedForGood);
    }
  }
}
