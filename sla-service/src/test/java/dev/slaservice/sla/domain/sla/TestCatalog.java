package dev.slaservice.sla.domain.sla;

import static dev.slaservice.events.Metric.RESOLUTION;
import static dev.slaservice.events.Metric.RESPONSE;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The built-in plans plus "two-clocks": P1 response 1 h, resolution 4 h (pausable); P2 response 2
 * h, resolution 8 h (pausable); all 24x7.
 */
public final class TestCatalog implements PolicyCatalog {

  private final BuiltInCatalog builtIn = new BuiltInCatalog();
  private final List<Plan> extraVersions;
  private final Plan twoClocks =
      new Plan(
          "two-clocks",
          1,
          Instant.EPOCH,
          "Two clocks",
          Map.of(
              "P1", terms(Duration.ofHours(1), Duration.ofHours(4)),
              "P2", terms(Duration.ofHours(2), Duration.ofHours(8))),
          Plan.DEFAULT_WARNING_PERCENTS);

  public TestCatalog() {
    this(List.of());
  }

  /** Also holds {@code extraVersions}: every version of further plans, oldest first. */
  public TestCatalog(List<Plan> extraVersions) {
    this.extraVersions = List.copyOf(extraVersions);
  }

  private static Map<Metric, ClockTerms> terms(Duration response, Duration resolution) {
    return Map.of(
        RESPONSE,
        new ClockTerms(RESPONSE, response, AlwaysOpenCalendar.ID, false),
        RESOLUTION,
        new ClockTerms(RESOLUTION, resolution, AlwaysOpenCalendar.ID, true));
  }

  @Override
  public List<Plan> planVersions(String planId) {
    if (twoClocks.id().equals(planId)) {
      return List.of(twoClocks);
    }
    List<Plan> extra = extraVersions.stream().filter(p -> p.id().equals(planId)).toList();
    return extra.isEmpty() ? builtIn.planVersions(planId) : extra;
  }

  @Override
  public Collection<Plan> plans() {
    List<Plan> all = new ArrayList<>(builtIn.plans());
    all.add(twoClocks);
    return all;
  }

  @Override
  public Collection<String> calendarIds() {
    return builtIn.calendarIds();
  }

  @Override
  public List<CalendarVersion> calendarVersions(String calendarId) {
    return builtIn.calendarVersions(calendarId);
  }
}
