package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.CalendarVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A base catalog plus calendar versions created since (custom calendars, or new versions of built-in ones). */
public final class VersionedCatalog implements PolicyCatalog {

  private final PolicyCatalog base;
  private final Map<String, List<CalendarVersion>> added;

  public VersionedCatalog(PolicyCatalog base, Collection<CalendarVersion> addedVersions) {
    this.base = base;
    this.added = addedVersions.stream().sorted(Comparator.comparingInt(CalendarVersion::version))
        .collect(Collectors.groupingBy(CalendarVersion::id));
  }

  @Override
  public Optional<Plan> plan(String planId) {
    return base.plan(planId);
  }

  @Override
  public List<Plan> planVersions(String planId) {
    return base.planVersions(planId);
  }

  @Override
  public Collection<Plan> plans() {
    return base.plans();
  }

  @Override
  public Collection<String> calendarIds() {
    Set<String> ids = new LinkedHashSet<>(base.calendarIds());
    ids.addAll(added.keySet());
    return List.copyOf(ids);
  }

  @Override
  public List<CalendarVersion> calendarVersions(String calendarId) {
    List<CalendarVersion> versions = new ArrayList<>(base.calendarVersions(calendarId));
    versions.addAll(added.getOrDefault(calendarId, List.of()));
    return List.copyOf(versions);
  }

  /** The number the next version of a calendar gets. */
  public int nextVersion(String calendarId) {
    List<CalendarVersion> versions = calendarVersions(calendarId);
    return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
  }
}
