package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a ticket's breaches under the terms it is judged by with those under alternative terms,
 * both at the same instant. A clock breaches at most once, so breaches are matched by metric.
 */
public final class WhatIf {

  private final SlaEvaluator actual;
  private final SlaEvaluator alternative;

  public WhatIf(SlaEvaluator actual, SlaEvaluator alternative) {
    this.actual = actual;
    this.alternative = alternative;
  }

  /** A breach as one side sees it. */
  public record Breach(Metric metric, String priority, Instant deadline) {}

  /**
   * How one ticket fares under the alternative.
   *
   * @param gained breaches only the alternative has
   * @param lost breaches only the actual terms have
   * @param moved breaches both have, with the alternative's (different) deadline
   * @param skipped why the ticket could not be judged under the alternative (its priority is not in
   *     the alternative plan), else null
   */
  public record Outcome(
      String ticketId,
      String customerId,
      String planId,
      String priority,
      List<Breach> gained,
      List<Breach> lost,
      List<Breach> moved,
      String skipped) {

    public boolean changed() {
      return !gained.isEmpty() || !lost.isEmpty() || !moved.isEmpty();
    }
  }

  /** Totals over a set of outcomes. */
  public record Summary(int changed, int gained, int lost, int moved, int skipped) {

    public static Summary of(List<Outcome> outcomes) {
      int changed = 0;
      int gained = 0;
      int lost = 0;
      int moved = 0;
      int skipped = 0;
      for (Outcome outcome : outcomes) {
        changed += outcome.changed() ? 1 : 0;
        gained += outcome.gained().size();
        lost += outcome.lost().size();
        moved += outcome.moved().size();
        skipped += outcome.skipped() == null ? 0 : 1;
      }
      return new Summary(changed, gained, lost, moved, skipped);
    }
  }

  /** Empty for a ticket without TicketOpened. */
  public Optional<Outcome> compare(
      String ticketId,
      List<? extends TicketEvent> history,
      List<Subscription> subscriptions,
      Instant at) {
    TicketSla before = actual.evaluate(ticketId, history, subscriptions, at);
    if (!before.opened()) {
      return Optional.empty();
    }
    TicketSla after;
    try {
      after = alternative.evaluate(ticketId, history, subscriptions, at);
    } catch (IllegalStateException | IllegalArgumentException e) {
      return Optional.of(unjudged(before, e.getMessage()));
    }
    if (after.clocks().isEmpty() && !before.clocks().isEmpty()) {
      return Optional.of(
          unjudged(
              before,
              "the alternative plan " + after.planId() + " has no priority " + before.priority()));
    }
    Map<Metric, Breach> was = breaches(before);
    Map<Metric, Breach> would = breaches(after);
    List<Breach> gained = new ArrayList<>();
    List<Breach> lost = new ArrayList<>();
    List<Breach> moved = new ArrayList<>();
    would.forEach(
        (metric, breach) -> {
          Breach old = was.get(metric);
          if (old == null) {
            gained.add(breach);
          } else if (!old.deadline().equals(breach.deadline())) {
            moved.add(breach);
          }
        });
    was.forEach(
        (metric, breach) -> {
          if (!would.containsKey(metric)) {
            lost.add(breach);
          }
        });
    return Optional.of(
        new Outcome(
            ticketId,
            before.customerId(),
            before.planId(),
            before.priority(),
            List.copyOf(gained),
            List.copyOf(lost),
            List.copyOf(moved),
            null));
  }

  private static Map<Metric, Breach> breaches(TicketSla sla) {
    Map<Metric, Breach> breaches = new EnumMap<>(Metric.class);
    for (SlaFact fact : sla.dueFacts()) {
      if (fact instanceof SlaFact.Breach breach) {
        breaches.putIfAbsent(
            breach.metric(), new Breach(breach.metric(), breach.priority(), breach.deadline()));
      }
    }
    return breaches;
  }

  /** A ticket the alternative cannot judge, and why: no breach gained, lost or moved. */
  private static Outcome unjudged(TicketSla before, String reason) {
    return new Outcome(
        before.ticketId(),
        before.customerId(),
        before.planId(),
        before.priority(),
        List.of(),
        List.of(),
        List.of(),
        reason);
  }
}
