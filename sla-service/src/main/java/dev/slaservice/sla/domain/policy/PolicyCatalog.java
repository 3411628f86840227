package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** The plans and calendars the service judges tickets by, with every calendar version. */
public interface PolicyCatalog {

  /** The newest version of a plan. */
  default Optional<Plan> plan(String planId) {
    return newest(planVersions(planId));
  }

  /** Every version of a plan, oldest first. */
  List<Plan> planVersions(String planId);

  /**
   * The version in force at {@code instant} (the first version for an instant before any took
   * effect).
   */
  default Optional<Plan> planAt(String planId, Instant instant) {
    return inForceAt(planVersions(planId), instant, Plan::effectiveFrom, Plan::version);
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
    return newest(calendarVersions(calendarId));
  }

  /**
   * The version in force at {@code instant}: the newest that took effect by then (the first version
   * for an instant before any took effect).
   */
  default Optional<CalendarVersion> calendarAt(String calendarId, Instant instant) {
    return inForceAt(
        calendarVersions(calendarId),
        instant,
        CalendarVersion::effectiveFrom,
        CalendarVersion::version);
  }

  /** The last of versions listed oldest first. */
  private static <V> Optional<V> newest(List<V> versions) {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The highest-numbered version that took effect by {@code instant}, else the first version (an
   * instant before any took effect).
   */
  private static <V> Optional<V> inForceAt(
      List<V> versions,
      Instant instant,
      Function<V, Instant> effectiveFrom,
      ToIntFunction<V> version) {
    return versions.stream()
        .filter(v -> !effectiveFrom.apply(v).isAfter(instant))
        .max(Comparator.comparingInt(version))
        .or(() -> versions.stream().findFirst());
  }
}
