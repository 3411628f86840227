package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A base catalog plus the calendar and plan versions created since (custom ones, or new versions of
 * built-in ones).
 */
public final class VersionedCatalog implements PolicyCatalog {

  private final PolicyCatalog base;
  private final Map<String, List<CalendarVersion>> added;
  private final Map<String, List<DefinedPlanVersion>> definedPlans;
  private final Map<String, List<Plan>> addedPlans = new LinkedHashMap<>();

  public VersionedCatalog(PolicyCatalog base, Collection<CalendarVersion> addedVersions) {
    this(base, addedVersions, List.of());
  }

  /**
   * Service-day targets of a plan version count days of the calendar version in force when it takes
   * effect.
   */
  public VersionedCatalog(
      PolicyCatalog base,
      Collection<CalendarVersion> addedVersions,
      Collection<DefinedPlanVersion> addedPlanVersions) {
    this.base = base;
    this.added =
        addedVersions.stream()
            .sorted(Comparator.comparingInt(CalendarVersion::version))
            .collect(Collectors.groupingBy(CalendarVersion::id));
    this.definedPlans =
        addedPlanVersions.stream()
            .sorted(Comparator.comparingInt(DefinedPlanVersion::version))
            .collect(
                Collectors.groupingBy(
                    DefinedPlanVersion::planId, LinkedHashMap::new, Collectors.toList()));
    definedPlans.forEach(
        (planId, versions) ->
            addedPlans.put(
                planId,
                versions.stream()
                    .map(
                        v ->
                            v.definition()
                                .toPlan(
                                    planId,
                                    v.version(),
                                    v.effectiveFrom(),
                                    calendarId ->
                                        calendarAt(calendarId, v.effectiveFrom())
                                            .map(CalendarVersion::calendar)))
                    .toList()));
  }

  @Override
  public List<Plan> planVersions(String planId) {
    List<Plan> versions = new ArrayList<>(base.planVersions(planId));
    versions.addAll(addedPlans.getOrDefault(planId, List.of()));
    return List.copyOf(versions);
  }

  /** The newest version of each plan. */
  @Override
  public Collection<Plan> plans() {
    Set<String> ids = new LinkedHashSet<>();
    base.plans().forEach(p -> ids.add(p.id()));
    ids.addAll(addedPlans.keySet());
    return ids.stream().map(id -> plan(id).orElseThrow()).toList();
  }

  @Override
  public Optional<PlanDefinition> definition(String planId, int version) {
    return defined(planId, version)
        .map(DefinedPlanVersion::definition)
        .or(() -> base.definition(planId, version));
  }

  @Override
  public Optional<Instant> retiredAt(String planId, int version) {
    return defined(planId, version).flatMap(DefinedPlanVersion::retiredAt);
  }

  private Optional<DefinedPlanVersion> defined(String planId, int version) {
    return definedPlans.getOrDefault(planId, List.of()).stream()
        .filter(v -> v.version() == version)
        .findFirst();
  }

  /** The number the next version of a plan gets. */
  public int nextPlanVersion(String planId) {
    List<Plan> versions = planVersions(planId);
    return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
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
