package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.events.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan follows the customer (ADR 0013): decides the plan a {@code TicketOpened} is judged on
 * from the customer's subscription in force at its opening. Events are taken in order, and a {@code
 * SubscriptionChanged} counts for the openings after it, so taking a list at once or in consecutive
 * parts (each started from the subscriptions of the parts before) gives the same outcomes.
 */
public final class PlanAssignment {

  /** What became of one event: accepted (a planless opening with its plan filled in) or refused. */
  public sealed interface Outcome {
    InboundEvent event();
  }

  public record Accepted(InboundEvent event) implements Outcome {}

  public record Refused(InboundEvent event, Violation violation) implements Outcome {}

  private final PolicyCatalog catalog;
  private final Map<String, List<Subscription>> subscriptions = new HashMap<>();

  /**
   * @param stored the customers' subscriptions stored so far, in the order they were stored
   */
  public PlanAssignment(PolicyCatalog catalog, Map<String, List<Subscription>> stored) {
    this.catalog = catalog;
    stored.forEach((customer, list) -> subscriptions.put(customer, new ArrayList<>(list)));
  }

  public List<Outcome> assign(List<InboundEvent> events) {
    return events.stream().map(this::assign).toList();
  }

  public Outcome assign(InboundEvent event) {
    if (event instanceof CustomerEvent.SubscriptionChanged changed) {
      subscriptions
          .computeIfAbsent(changed.customerId(), id -> new ArrayList<>())
          .add(Subscription.of(changed));
    }
    return event instanceof TicketEvent.TicketOpened opened ? open(opened) : new Accepted(event);
  }

  private Outcome open(TicketEvent.TicketOpened opened) {
    Instant openedAt = opened.occurredAt().toInstant();
    Optional<Subscription> subscription =
        Subscription.inForceAt(
            subscriptions.getOrDefault(opened.customerId(), List.of()), openedAt);
    if (opened.planId() == null) {
      if (subscription.isEmpty()) {
        return refusedPlan(
            opened,
            " has no subscription in force at "
                + openedAt
                + ", so the ticket needs a planId; or post the"
                + " customer's SubscriptionChanged first (or earlier in the same request)");
      }
      TicketEvent.TicketOpened resolved =
          new TicketEvent.TicketOpened(
              opened.eventId(),
              opened.ticketId(),
              opened.occurredAt(),
              opened.source(),
              opened.customerId(),
              subscription.get().planId(),
              opened.priority());
      List<Violation> problems = new CatalogCheck(catalog).problems(resolved);
      return problems.isEmpty()
          ? new Accepted(resolved)
          : new Refused(
              opened,
              new Violation(
                  problems.get(0).field(),
                  "on plan "
                      + resolved.planId()
                      + " of the customer's subscription: "
                      + problems.get(0).message()));
    }
    if (subscription.isPresent()
        && !subscription.get().planId().equals(opened.planId())
        && !upgradeAllowed(opened.planId(), subscription.get().planId(), openedAt)) {
      Subscription given = subscription.get();
      return refusedPlan(
          opened,
          "'s subscription gives plan "
              + given.planId()
              + " since "
              + given.effectiveFrom()
              + " ("
              + given.startsAt()
              + "), and plan "
              + opened.planId()
              + " allows no per-ticket upgrade from it"
              + " (allowsPerTicketUpgradeFrom); leave planId out to open it on "
              + given.planId());
    }
    return new Accepted(opened);
  }

  /**
   * An opening refused for its customer's subscription; the message reads "customer <id>" then
   * {@code rest}.
   */
  private static Refused refusedPlan(TicketEvent.TicketOpened opened, String rest) {
    return new Refused(opened, new Violation("planId", "customer " + opened.customerId() + rest));
  }

  private boolean upgradeAllowed(
      String requestedPlanId, String subscribedPlanId, Instant openedAt) {
    return catalog
        .planAt(requestedPlanId, openedAt)
        .flatMap(plan -> catalog.definition(plan.id(), plan.version()))
        .map(definition -> definition.acceptsTicketsOf(subscribedPlanId))
        .orElse(false);
  }
}
