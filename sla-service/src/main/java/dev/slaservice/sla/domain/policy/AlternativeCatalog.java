package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.CalendarVersion;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A catalog for asking "what if": every ticket judged by one plan version instead of its own,
 * and/or one calendar replaced by another definition for every ticket that counts in it.
 */
public final class AlternativeCatalog implements PolicyCatalog {

  private final PolicyCatalog base;
  private final Optional<Plan> plan;
  private final Optional<CalendarVersion> calendar;

  /**
   * @param plan the plan version every ticket is judged by, whatever plan it names
   * @param calendar the definition that replaces every version of the calendar with its id
   */
  public AlternativeCatalog(
      PolicyCatalog base, Optional<Plan> plan, Optional<CalendarVersion> calendar) {
    this.base = base;
    this.plan = plan;
    this.calendar = calendar;
  }

  @Override
  public Optional<Plan> plan(String planId) {
    return plan.isPresent() ? plan : base.plan(planId);
  }

  @Override
  public List<Plan> planVersions(String planId) {
    return plan.map(List::of).orElseGet(() -> base.planVersions(planId));
  }

  @Override
  public Optional<Plan> planAt(String planId, Instant instant) {
    return plan.isPresent() ? plan : base.planAt(planId, instant);
  }

  @Override
  public Collection<Plan> plans() {
    return base.plans();
  }

  @Override
  public Collection<String> calendarIds() {
    return base.calendarIds();
  }

  @Override
  public List<CalendarVersion> calendarVersions(String calendarId) {
    if (calendar.isPresent() && calendar.get().id().equals(calendarId)) {
      return List.of(calendar.get());
    }
    return base.calendarVersions(calendarId);
  }
}
