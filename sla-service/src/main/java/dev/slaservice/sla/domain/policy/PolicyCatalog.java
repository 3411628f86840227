package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The plans and calendars the service judges tickets by, with every calendar version. */
public interface PolicyCatalog {

  /** The newest version of a plan. */
  default Optional<Plan> plan(String planId) {
    List<Plan> versions = planVersions(planId);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** Every version of a plan, oldest first. */
  List<Plan> planVersions(String planId);

  /**
   * The version in force at {@code instant} (the first version for an instant before any took
   * effect).
   */
  default Optional<Plan> planAt(String planId, Instant instant) {
    List<Plan> versions = planVersions(planId);
    return versions.stream()
        .filter(p -> !p.effectiveFrom().isAfter(instant))
        .max(Comparator.comparingInt(Plan::version))
        .or(() -> versions.stream().findFirst());
  }

  Collection<Plan> plans();

  /** The definition a plan version was made from, for plans defined as data. */
  default Optional<PlanDefinition> definition(String planId, int version) {
    return Optional.empty();
  }

  /** When a plan version was retired (no new ticket opens on it from then on), if it was. */
  default Optional<Instant> retiredAt(String planId, int version) {
    return Optional.empty();
  }

  Collection<String> calendarIds();

  /** Every version of a calendar, oldest first; empty for an unknown calendar. */
  List<CalendarVersion> calendarVersions(String calendarId);

  /** The newest version. */
  default Optional<CalendarVersion> calendar(String calendarId) {
    List<CalendarVersion> versions = calendarVersions(calendarId);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The version in force at {@code instant}: the newest that took effect by then (the first version
   * for an instant before any took effect).
   */
  default Optional<CalendarVersion> calendarAt(String calendarId, Instant instant) {
    List<CalendarVersion> versions = calendarVersions(calendarId);
    return versions.stream()
        .filter(v -> !v.effectiveFrom().isAfter(instant))
        .max(Comparator.comparingInt(CalendarVersion::version))
        .or(() -> versions.stream().findFirst());
  }
}
