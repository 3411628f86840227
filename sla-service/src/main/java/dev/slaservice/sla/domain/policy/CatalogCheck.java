package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Checks the plan and priority names an event carries against the catalog. */
public final class CatalogCheck {

  private final PolicyCatalog catalog;

  public CatalogCheck(PolicyCatalog catalog) {
    this.catalog = catalog;
  }

  public List<Violation> problems(InboundEvent event) {
    if (event instanceof TicketEvent.TicketOpened opened) {
      Optional<Plan> plan = catalog.plan(opened.planId());
      if (plan.isEmpty()) {
        return List.of(new Violation("planId", "unknown plan " + opened.planId() + "; known plans are "
            + String.join(", ", catalog.plans().stream().map(Plan::id).toList())));
      }
      if (!plan.get().hasPriority(opened.priority())) {
        return List.of(priorityProblem(plan.get(), opened.priority()));
      }
    } else if (event instanceof TicketEvent.PriorityChanged changed) {
      return knownSomewhere(changed.priority());
    } else if (event instanceof TicketEvent.TicketDowngraded downgraded) {
      return knownSomewhere(downgraded.priority());
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

  private static List<Violation> agreedHoursProblems(CustomerEvent.SubscriptionChanged subscription) {
    try {
      new WeeklyCalendar("agreed", ZoneId.of(subscription.timeZone()), subscription.agreedHours().stream()
          .map(w -> new WeeklyWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime())).toList(), List.of());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new Violation("agreedHours", e.getMessage()));
    }
  }

  private List<Violation> knownSomewhere(String priority) {
    boolean known = catalog.plans().stream().anyMatch(p -> p.hasPriority(priority));
    return known ? List.of() : List.of(new Violation("priority", "no plan has a priority " + priority));
  }

  private static Violation priorityProblem(Plan plan, String priority) {
    return new Violation("priority", "plan " + plan.id() + " has no priority " + priority + "; its priorities are "
        + String.join(", ", plan.priorityNames()));
  }
}
