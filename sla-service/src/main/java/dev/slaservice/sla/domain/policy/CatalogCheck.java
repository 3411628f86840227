package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Checks the plan and priority names an event carries against the catalog. */
public final class CatalogCheck {

  private final Supplier<PolicyCatalog> catalogs;

  public CatalogCheck(PolicyCatalog catalog) {
    this(() -> catalog);
  }

  /**
   * @param catalogs the catalog in force, asked afresh for every event (plans may be added at any
   *     time)
   */
  public CatalogCheck(Supplier<PolicyCatalog> catalogs) {
    this.catalogs = catalogs;
  }

  public List<Violation> problems(InboundEvent event) {
    PolicyCatalog catalog = catalogs.get();
    if (event instanceof TicketEvent.TicketOpened opened && opened.planId() == null) {
      // the plan follows the customer: checked once PlanAssignment resolved it
      return List.of();
    } else if (event instanceof TicketEvent.TicketOpened opened) {
      Instant openedAt = opened.occurredAt().toInstant();
      Optional<Plan> plan = catalog.planAt(opened.planId(), openedAt);
      if (plan.isEmpty()) {
        return List.of(
            new Violation(
                "planId",
                "unknown plan "
                    + opened.planId()
                    + "; known plans are "
                    + String.join(", ", catalog.plans().stream().map(Plan::id).toList())));
      }
      Optional<Instant> retired = catalog.retiredAt(plan.get().id(), plan.get().version());
      if (retired.isPresent() && !openedAt.isBefore(retired.get())) {
        return List.of(
            new Violation(
                "planId",
                "version "
                    + plan.get().version()
                    + " of plan "
                    + opened.planId()
                    + " was retired at "
                    + retired.get()
                    + "; no new ticket opens on it"));
      }
      if (!plan.get().hasPriority(opened.priority())) {
        return List.of(priorityProblem(plan.get(), opened.priority()));
      }
    } else if (event instanceof TicketEvent.PriorityChanged changed) {
      return knownSomewhere(catalog, changed.priority());
    } else if (event instanceof TicketEvent.TicketDowngraded downgraded) {
      return knownSomewhere(catalog, downgraded.priority());
    } else if (event instanceof CustomerEvent.SubscriptionChanged subscription) {
      if (catalog.plan(subscription.planId()).isEmpty()) {
        return List.of(new Violation("planId", "unknown plan " + subscription.planId()));
      }
      if (subscription.agreedHours() != null) {
        return agreedHoursProblems(subscription);
      }
    }
    return List.of();
  }

  private static List<Violation> agreedHoursProblems(
      CustomerEvent.SubscriptionChanged subscription) {
    try {
      new WeeklyCalendar(
          "agreed",
          ZoneId.of(subscription.timeZone()),
          subscription.agreedHours().stream()
              .map(w -> new WeeklyWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime()))
              .toList(),
          List.of());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new Violation("agreedHours", e.getMessage()));
    }
  }

  private static List<Violation> knownSomewhere(PolicyCatalog catalog, String priority) {
    boolean known = catalog.plans().stream().anyMatch(p -> p.hasPriority(priority));
    return known
        ? List.of()
        : List.of(new Violation("priority", "no plan has a priority " + priority));
  }

  private static Violation priorityProblem(Plan plan, String priority) {
    return new Violation(
        "priority",
        "plan "
            + plan.id()
            + " has no priority "
            + priority
            + "; its priorities are "
            + String.join(", ", plan.priorityNames()));
  }
}
