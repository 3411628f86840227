package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a ticket's events, in {@code occurredAt} order, into its clocks and the facts they
 * establish. A pure function of (events, now): a late event simply re-folds the history.
 *
 * <p>Semantics (also in docs/semantics.md):
 *
 * <ul>
 *   <li>Clocks start at TicketOpened; an event dated before it counts as happening at the opening.
 *   <li>RESPONSE stops at the first WorkStarted, RESTORE at the first ServiceRestored, RESOLUTION
 *       at TicketResolved or TicketClosed and runs again on TicketReopened. Resolving or closing a
 *       ticket also stops its RESPONSE and RESTORE clocks.
 *   <li>PriorityChanged: from its instant on, the clock is judged by the new priority's target
 *       counted from the ticket's start (paused time stays excluded). A deadline already past is an
 *       immediate breach. A breach established before the change stands.
 *   <li>TicketDowngraded: the ticket is judged as if it had always had the lower priority; breaches
 *       that no longer hold disappear (and are retracted by {@link SlaProjector}).
 *   <li>A clock that stops exactly at its deadline has met it.
 *   <li>NEXT_REPLY and PERIODIC_UPDATE run in cycles (ADR 0014), each judged like a clock of its
 *       own started at the cycle's start; a priority change counts from that start.
 * </ul>
 */
public final class SlaEvaluator {

  private static final Comparator<TicketEvent> BY_OCCURRENCE =
      Comparator.comparing(event -> event.occurredAt().toInstant());

  private final PolicyCatalog catalog;

  public SlaEvaluator(PolicyCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The ticket as it stood at {@code instant}: only the events that had happened by then ({@code
   * occurredAt} not after it), evaluated at that instant.
   */
  public TicketSla asOf(
      String ticketId,
      List<? extends TicketEvent> history,
      List<Subscription> subscriptions,
      Instant instant) {
    return evaluate(ticketId, happenedBy(history, instant), subscriptions, instant);
  }

  /**
   * The events that had happened by {@code instant} ({@code occurredAt} not after it), in {@code
   * occurredAt} order (ties in the order given).
   */
  static List<TicketEvent> happenedBy(List<? extends TicketEvent> history, Instant instant) {
    return history.stream()
        .filter(e -> !e.occurredAt().toInstant().isAfter(instant))
        .sorted(BY_OCCURRENCE)
        .map(TicketEvent.class::cast)
        .toList();
  }

  /** A ticket without customer subscriptions: plan calendars as they are. */
  public TicketSla evaluate(String ticketId, List<? extends TicketEvent> history, Instant now) {
    return evaluate(ticketId, history, List.of(), now);
  }

  /**
   * @param history the ticket's events in arrival order (ties in {@code occurredAt} keep that
   *     order)
   * @param subscriptions the customer's subscriptions; the one in force at the opening sets the
   *     contract zone and agreed hours
   */
  public TicketSla evaluate(
      String ticketId,
      List<? extends TicketEvent> history,
      List<Subscription> subscriptions,
      Instant now) {
    return fold(ticketId, history)
        .map(fold -> evaluate(fold, subscriptions, now))
        .orElseGet(() -> TicketSla.awaitingOpen(ticketId));
  }

  /**
   * Folds a ticket's whole history; empty while no TicketOpened is among it.
   *
   * @param history the ticket's events in arrival order (ties in {@code occurredAt} keep that
   *     order)
   */
  public Optional<TicketFold> fold(String ticketId, List<? extends TicketEvent> history) {
    List<TicketEvent> events = new ArrayList<>(history);
    events.sort(BY_OCCURRENCE);
    return events.stream()
        .filter(TicketEvent.TicketOpened.class::isInstance)
        .map(TicketEvent.TicketOpened.class::cast)
        .findFirst()
        .map(opened -> TicketFold.of(events, planOf(ticketId, opened), opened));
  }

  /**
   * The fold after {@code appended}, events stored after everything {@code kept} holds, in arrival
   * order; empty when only a full fold of the history can give it (ADR 0016): one of them happened
   * before an event already applied, one is a downgrade, or the plan's version at the opening is no
   * longer the one {@code kept} was made under.
   */
  public Optional<TicketFold> advance(TicketFold kept, List<? extends TicketEvent> appended) {
    TicketEvent.TicketOpened opened = kept.opened();
    Optional<Plan> plan = catalog.planAt(opened.planId(), kept.start());
    if (plan.isEmpty() || plan.get().version() != kept.planVersion()) {
      return Optional.empty();
    }
    Optional<TicketFold> fold = Optional.of(kept);
    for (TicketEvent event : appended) {
      fold = fold.flatMap(f -> f.then(event, plan.get()));
    }
    return fold;
  }

  /** The ticket a fold describes, at {@code now}. */
  public TicketSla evaluate(TicketFold fold, List<Subscription> subscriptions, Instant now) {
    TicketEvent.TicketOpened opened = fold.opened();
    String ticketId = opened.ticketId();
    Instant start = fold.start();
    Plan plan = planOf(ticketId, opened);
    TicketTimeline timeline = TicketTimeline.of(fold);
    TicketCalendars calendars =
        new TicketCalendars(catalog, start, Subscription.inForceAt(subscriptions, start));

    List<ClockReading> clocks = new ArrayList<>();
    List<SlaFact> facts = new ArrayList<>();
    for (Metric metric : metricsOf(plan, timeline)) {
      ClockEvaluation clock =
          TicketTimeline.isCyclic(metric)
              ? evaluateCycles(metric, plan, timeline, calendars, now)
              : evaluateClock(
                  new TicketClock(
                      metric, plan, timeline, calendars, timeline.running(metric), null),
                  now);
      clock.reading().ifPresent(clocks::add);
      facts.addAll(clock.facts());
    }
    List<SlaFact> due = facts.stream().filter(f -> !f.effectiveAt().isAfter(now)).toList();
    Optional<Instant> nextChange =
        facts.stream()
            .map(SlaFact::effectiveAt)
            .filter(t -> t.isAfter(now))
            .min(Comparator.naturalOrder());
    return new TicketSla(
        ticketId,
        true,
        opened.customerId(),
        plan.id(),
        plan.version(),
        timeline.priorityAt(now),
        start,
        clocks,
        due,
        nextChange,
        fold.exclusion());
  }

  private Plan planOf(String ticketId, TicketEvent.TicketOpened opened) {
    return catalog
        .planAt(opened.planId(), opened.occurredAt().toInstant())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "ticket "
                        + ticketId
                        + " names plan "
                        + opened.planId()
                        + ", which the catalog does not have"));
  }

  private static Set<Metric> metricsOf(Plan plan, TicketTimeline timeline) {
    Set<Metric> metrics = EnumSet.noneOf(Metric.class);
    for (TicketFold.PrioritySpan span : timeline.priorities()) {
      for (Metric metric : Metric.values()) {
        plan.terms(span.priority(), metric).ifPresent(t -> metrics.add(metric));
      }
    }
    return metrics;
  }

  private record ClockEvaluation(Optional<ClockReading> reading, List<SlaFact> facts) {}

  /**
   * Each cycle of a reply metric is a clock of its own that runs from the cycle's start; its facts
   * carry that start. The reading is the latest cycle's.
   */
  private ClockEvaluation evaluateCycles(
      Metric metric, Plan plan, TicketTimeline timeline, TicketCalendars calendars, Instant now) {
    List<SlaFact> facts = new ArrayList<>();
    Optional<ClockReading> reading = Optional.empty();
    for (Interval cycle : timeline.cycles(metric)) {
      ClockEvaluation evaluation =
          evaluateClock(
              new TicketClock(metric, plan, timeline, calendars, List.of(cycle), cycle.from()),
              now);
      facts.addAll(evaluation.facts());
      reading = evaluation.reading();
    }
    return new ClockEvaluation(reading, facts);
  }

  private ClockEvaluation evaluateClock(TicketClock clock, Instant now) {
    List<SlaFact> facts = new ArrayList<>();
    SlaFact.Breach breach = null;
    Set<Integer> warned = new HashSet<>();
    List<TicketFold.PrioritySpan> spans = clock.timeline().priorities();
    for (int i = 0; i < spans.size() && breach == null; i++) {
      TicketFold.PrioritySpan span = spans.get(i);
      Optional<ClockTerms> terms = clock.terms(span.priority());
      if (terms.isEmpty()) {
        continue;
      }
      Instant spanEnd = i + 1 < spans.size() ? spans.get(i + 1).from() : null;
      BusinessCalendar calendar = clock.calendars().calendar(terms.get());
      List<Interval> active = clock.active(terms.get().pausable());
      Instant deadline = CountedTime.reached(active, calendar, terms.get().target());
      SlaFact.Goal goal =
          new SlaFact.Goal(clock.metric(), span.priority(), terms.get().target(), deadline);
      for (int percent : clock.plan().warningPercents()) {
        Duration share = terms.get().target().multipliedBy(percent).dividedBy(100);
        Instant reached = CountedTime.reached(active, calendar, share);
        Instant effective = reached == null ? null : latest(reached, span.from());
        if (effective != null
            && !warned.contains(percent)
            && before(reached, spanEnd)
            && clock.isRunningAt(effective)) {
          warned.add(percent);
          facts.add(new SlaFact.Warning(goal, percent, effective, clock.cycleStart()));
        }
      }
      if (deadline != null && before(deadline, spanEnd)) {
        Instant effective = latest(deadline, span.from());
        if (clock.isRunningAt(effective)) {
          breach = new SlaFact.Breach(goal, effective, clock.cycleStart());
          facts.add(breach);
        }
      }
    }
    if (breach != null) {
      Instant breachedAt = breach.effectiveAt();
      facts.removeIf(f -> f instanceof SlaFact.Warning && !f.effectiveAt().isBefore(breachedAt));
    }
    Interval last = clock.last();
    Instant stoppedAt = last.isOpen() ? null : last.to();
    String priorityAtStop = stoppedAt == null ? null : clock.timeline().priorityAt(stoppedAt);
    Optional<ClockTerms> termsAtStop =
        priorityAtStop == null ? Optional.empty() : clock.terms(priorityAtStop);
    if (breach == null && termsAtStop.isPresent()) {
      Instant deadlineAtStop =
          clock.deadlineIfContinued(
              clock.calendars().calendar(termsAtStop.get()), termsAtStop.get(), stoppedAt);
      facts.add(
          new SlaFact.Met(
              new SlaFact.Goal(
                  clock.metric(), priorityAtStop, termsAtStop.get().target(), deadlineAtStop),
              stoppedAt,
              clock.cycleStart()));
    }
    return new ClockEvaluation(read(clock, facts, now), facts);
  }

  private Optional<ClockReading> read(TicketClock clock, List<SlaFact> facts, Instant now) {
    TicketTimeline timeline = clock.timeline();
    String priority = timeline.priorityAt(now);
    Optional<SlaFact.Breach> breach =
        facts.stream()
            .filter(f -> f instanceof SlaFact.Breach)
            .map(SlaFact.Breach.class::cast)
            .filter(b -> !b.effectiveAt().isAfter(now))
            .findFirst();
    Optional<ClockTerms> current = clock.terms(priority);
    if (current.isEmpty() && breach.isEmpty()) {
      return Optional.empty();
    }
    ClockTerms terms = current.orElseGet(() -> clock.terms(breach.get().priority()).orElseThrow());
    TicketCalendars.Applied applied = clock.calendars().of(terms);
    BusinessCalendar calendar = applied.calendar();
    List<Interval> active = clock.active(terms.pausable());
    Interval last = clock.last();
    boolean stopped = !last.isOpen() && !last.to().isAfter(now);
    Instant countUpTo = stopped ? last.to() : now;
    Duration elapsed = CountedTime.until(active, calendar, countUpTo);
    Duration remaining =
        terms.target().minus(elapsed).isNegative() ? Duration.ZERO : terms.target().minus(elapsed);
    boolean paused = !stopped && terms.pausable() && timeline.pausedAt(now);
    ClockStatus status;
    Instant deadline;
    if (breach.isPresent()) {
      status = ClockStatus.BREACHED;
      deadline = breach.get().deadline();
    } else if (stopped) {
      status = ClockStatus.MET;
      deadline = clock.deadlineIfContinued(calendar, terms, last.to());
    } else if (paused) {
      status = ClockStatus.PAUSED;
      deadline = null;
    } else {
      status = ClockStatus.RUNNING;
      deadline = clock.deadlineIfContinued(calendar, terms, now);
    }
    List<Integer> warningPercents = clock.plan().warningPercents();
    Instant atRiskFrom =
        status != ClockStatus.RUNNING || warningPercents.isEmpty()
            ? null
            : clock.reachedIfContinued(
                calendar,
                terms.pausable(),
                terms.target().multipliedBy(warningPercents.get(0)).dividedBy(100),
                now);
    return Optional.of(
        new ClockReading(
            clock.metric(),
            status,
            calendar.id(),
            applied.version(),
            terms.pausable(),
            terms.target(),
            deadline,
            elapsed,
            remaining,
            stopped ? last.to() : null,
            atRiskFrom,
            clock.cycleStart()));
  }

  private static boolean before(Instant instant, Instant limitOrNull) {
    return limitOrNull == null || instant.isBefore(limitOrNull);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
