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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in plans plus "two-clocks": P1 response 1 h, resolution 4 h (pausable); P2 response
 * 2 h, resolution 8 h (pausable); all 24x7.
 */
final class TestCatalog implements PolicyCatalog {

  private final BuiltInCatalog builtIn = new BuiltInCatalog();
  private final Plan twoClocks = new Plan("two-clocks", 1, java.time.Instant.EPOCH, "Two clocks", Map.of(
      "P1", terms(Duration.ofHours(1), Duration.ofHours(4)),
      "P2", terms(Duration.ofHours(2), Duration.ofHours(8))), Plan.DEFAULT_WARNING_PERCENTS);

  private static Map<Metric, ClockTerms> terms(Duration response, Duration resolution) {
    return Map.of(RESPONSE, new ClockTerms(RESPONSE, response, AlwaysOpenCalendar.ID, false),
        RESOLUTION, new ClockTerms(RESOLUTION, resolution, AlwaysOpenCalendar.ID, true));
  }

  @Override
  public Optional<Plan> plan(String planId) {
    return twoClocks.id().equals(planId) ? Optional.of(twoClocks) : builtIn.plan(planId);
  }

  @Override
  public List<Plan> planVersions(String planId) {
    return plan(planId).map(List::of).orElse(List.of());
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
