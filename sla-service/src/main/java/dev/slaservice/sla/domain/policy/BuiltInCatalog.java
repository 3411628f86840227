package dev.slaservice.sla.domain.policy;

import static dev.slaservice.events.Metric.RESPONSE;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy catalogs the service ships with, from the vendors' published terms.
 *
 * <p>Websoft9: work orders of General ("NORMAL") and High priority, 24x7x365; the target is the
 * time to a "Work Started" status (response only).
 */
public final class BuiltInCatalog implements PolicyCatalog {

  private final Map<String, Plan> plans = new LinkedHashMap<>();
  private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();

  public BuiltInCatalog() {
    BusinessCalendar always = AlwaysOpenCalendar.instance();
    calendars.put(always.id(), always);
    websoft9("websoft9-standard", "Websoft9 Standard Support", Duration.ofHours(12), Duration.ofHours(3));
    websoft9("websoft9-advanced", "Websoft9 Advanced Support", Duration.ofHours(6), Duration.ofMinutes(30));
    websoft9("websoft9-premium", "Websoft9 Premium Support", Duration.ofHours(2), Duration.ofMinutes(10));
  }

  private void websoft9(String id, String name, Duration normal, Duration high) {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("NORMAL", Map.of(RESPONSE, new ClockTerms(RESPONSE, normal, AlwaysOpenCalendar.ID, false)));
    priorities.put("HIGH", Map.of(RESPONSE, new ClockTerms(RESPONSE, high, AlwaysOpenCalendar.ID, false)));
    plans.put(id, new Plan(id, 1, name, priorities, Plan.DEFAULT_WARNING_PERCENTS));
  }

  @Override
  public Optional<Plan> plan(String planId) {
    return Optional.ofNullable(plans.get(planId));
  }

  @Override
  public Collection<Plan> plans() {
    return List.copyOf(plans.values());
  }

  @Override
  public Optional<BusinessCalendar> calendar(String calendarId) {
    return Optional.ofNullable(calendars.get(calendarId));
  }
}
