package dev.slaservice.sla.domain.sla;

import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The service keeps each ticket's fold and applies only what is new (ADR 0016). Whatever the
 * history, the order it is delivered in and the batches it arrives in, doing so must give the same
 * fold, the same clocks and the same published facts as folding everything stored so far from
 * scratch.
 */
class TicketFoldProperties {

  private static final List<String> PLANS = List.of("two-clocks", "emq-5x8", "reply-desk");
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "OFFICE", "P9");

  private final SlaEvaluator evaluator = new SlaEvaluator(ReplyPlans.catalog());

  enum Kind {
    PRIORITY_CHANGED,
    DOWNGRADED,
    WORK_STARTED,
    SERVICE_RESTORED,
    RESOLVED,
    REOPENED,
    CLOSED,
    PAUSED,
    RESUMED,
    EXCLUDED,
    AGENT_REPLIED,
    CUSTOMER_REPLIED,
    OPENED_AGAIN
  }

  /** One generated event: what, how many minutes after the opening (negative: before), and how. */
  record Step(Kind kind, int minutes, String priority, boolean isPublic, ExclusionReason reason) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(-180, 6 * 24 * 60),
                Arbitraries.of(PRIORITIES),
                Arbitraries.of(true, false),
                Arbitraries.of(ExclusionReason.class))
            .as(Step::new);
    return step.list().ofMinSize(0).ofMaxSize(16);
  }

  @Property(tries = 1000)
  void keepingTheFoldAndApplyingWhatIsNewEqualsAFullFold(
      @ForAll("steps") List<Step> steps,
      @ForAll @IntRange(max = 2) int planIndex,
      @ForAll @IntRange(max = 3) int openingPriority,
      @ForAll Random random,
      @ForAll boolean inOrder) {
    List<TicketEvent> history = history(steps, PLANS.get(planIndex), openingPriority);
    List<TicketEvent> delivery = new ArrayList<>(history);
    if (inOrder) {
      delivery.sort((a, b) -> a.occurredAt().toInstant().compareTo(b.occurredAt().toInstant()));
    } else {
      Collections.shuffle(delivery, random);
    }

    List<TicketEvent> stored = new ArrayList<>();
    Optional<TicketFold> kept = Optional.empty();
    List<SlaFact> publishedKept = List.of();
    List<SlaFact> publishedFull = List.of();
    int from = 0;
    while (from < delivery.size()) {
      int to = from + 1 + random.nextInt(Math.min(4, delivery.size() - from));
      List<TicketEvent> batch = delivery.subList(from, to);
      stored.addAll(batch);
      Instant now = latest(stored).plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));

      Optional<TicketFold> applied = kept.flatMap(k -> evaluator.advance(k, batch));
      Statistics.collect(applied.isPresent() ? "applied to the kept fold" : "folded in full");
      kept = applied.isPresent() ? applied : evaluator.fold(TICKET, stored);
      Optional<TicketFold> full = evaluator.fold(TICKET, stored);
      assertThat(kept).isEqualTo(full);

      TicketSla fromKept = evaluateOrAwait(kept, now);
      TicketSla fromFull = evaluator.evaluate(TICKET, stored, List.of(), now);
      assertThat(fromKept).isEqualTo(fromFull);

      SlaProjector.Transition keptTransition = SlaProjector.advance(publishedKept, fromKept, now);
      SlaProjector.Transition fullTransition = SlaProjector.advance(publishedFull, fromFull, now);
      assertThat(keptTransition.published()).isEqualTo(fullTransition.published());
      assertThat(ids(keptTransition.outgoing())).isEqualTo(ids(fullTransition.outgoing()));
      publishedKept = keptTransition.published();
      publishedFull = fullTransition.published();
      from = to;
    }
  }

  private TicketSla evaluateOrAwait(Optional<TicketFold> fold, Instant now) {
    return fold.map(f -> evaluator.evaluate(f, List.of(), now))
        .orElseGet(() -> TicketSla.awaitingOpen(TICKET));
  }

  private static List<String> ids(List<SlaEvent> events) {
    return events.stream().map(SlaEvent::id).toList();
  }

  private static Instant latest(List<TicketEvent> events) {
    return events.stream()
        .map(e -> e.occurredAt().toInstant())
        .reduce(T0, (x, y) -> x.isAfter(y) ? x : y);
  }

  private static List<TicketEvent> history(List<Step> steps, String planId, int openingPriority) {
    List<TicketEvent> events = new ArrayList<>();
    events.add(
        new TicketEvent.TicketOpened(
            "e0", TICKET, at(0), "desk", "acme", planId, PRIORITIES.get(openingPriority)));
    for (int i = 0; i < steps.size(); i++) {
      events.add(event("e" + (i + 1), steps.get(i), planId));
    }
    return events;
  }

  private static TicketEvent event(String id, Step step, String planId) {
    OffsetDateTime at = at(step.minutes());
    return switch (step.kind()) {
      case PRIORITY_CHANGED ->
          new TicketEvent.PriorityChanged(id, TICKET, at, "desk", step.priority());
      case DOWNGRADED -> new TicketEvent.TicketDowngraded(id, TICKET, at, "desk", step.priority());
      case WORK_STARTED -> new TicketEvent.WorkStarted(id, TICKET, at, "desk");
      case SERVICE_RESTORED -> new TicketEvent.ServiceRestored(id, TICKET, at, "desk");
      case RESOLVED -> new TicketEvent.TicketResolved(id, TICKET, at, "desk");
      case REOPENED -> new TicketEvent.TicketReopened(id, TICKET, at, "desk");
      case CLOSED -> new TicketEvent.TicketClosed(id, TICKET, at, "desk");
      case PAUSED -> new TicketEvent.TicketPaused(id, TICKET, at, "desk");
      case RESUMED -> new TicketEvent.TicketResumed(id, TICKET, at, "desk");
      case EXCLUDED -> new TicketEvent.TicketExcluded(id, TICKET, at, "desk", step.reason());
      case AGENT_REPLIED ->
          new TicketEvent.AgentReplied(
              id,
              TICKET,
              at,
              "desk",
              step.isPublic() ? ReplyVisibility.PUBLIC : ReplyVisibility.INTERNAL);
      case CUSTOMER_REPLIED -> new TicketEvent.CustomerReplied(id, TICKET, at, "desk");
      case OPENED_AGAIN ->
          new TicketEvent.TicketOpened(id, TICKET, at, "desk", "other", planId, step.priority());
    };
  }

  private static OffsetDateTime at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes)).atOffset(ZoneOffset.ofHours(8));
  }
}
