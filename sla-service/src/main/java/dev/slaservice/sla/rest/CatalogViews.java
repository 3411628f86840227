package dev.slaservice.sla.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.ServiceWindow;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import dev.slaservice.sla.domain.policy.definition.PlanDefinitionWriter;
import dev.slaservice.sla.persistence.CalendarDefinition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How plans and calendars read over REST. */
final class CatalogViews {

  private CatalogViews() {}

  /**
   * @param definition the plan version as data, every default spelled out (the body a PUT takes)
   */
  record PlanView(
      String id,
      int version,
      String name,
      String displayName,
      List<Integer> warningPercents,
      List<PriorityView> priorities,
      String effectiveFrom,
      String retiredAt,
      List<Integer> versions,
      JsonNode definition) {}

  record PriorityView(String priority, String displayName, List<ClockTermsView> clocks) {}

  record ClockTermsView(
      String metric, String metricName, String target, String calendarId, boolean pausable) {}

  record CalendarView(
      String id,
      int version,
      String effectiveFrom,
      String kind,
      String zone,
      List<ServiceWindow> windows,
      List<CalendarDefinition.HolidayDefinition> holidays,
      boolean followsCustomerZone,
      List<Integer> versions) {}

  record DueView(
      String calendarId, int calendarVersion, String start, String duration, String due) {}

  /**
   * A plan version, named in the client's language by its definition (or the service's own names).
   */
  static PlanView plan(Plan plan, Locale locale, PolicyCatalog catalog) {
    Optional<PlanDefinition> definition = catalog.definition(plan.id(), plan.version());
    String displayName =
        definition
            .map(d -> d.names().in(locale))
            .orElseGet(() -> Names.plan(locale, plan.id(), plan.name()));
    return new PlanView(
        plan.id(),
        plan.version(),
        plan.name(),
        displayName,
        plan.warningPercents(),
        plan.priorities().entrySet().stream()
            .map(
                p ->
                    new PriorityView(
                        p.getKey(),
                        definition
                            .flatMap(d -> d.priority(p.getKey()))
                            .map(d -> d.names().in(locale))
                            .orElseGet(() -> Names.priority(locale, p.getKey())),
                        p.getValue().values().stream()
                            .sorted(Comparator.comparing(ClockTerms::metric))
                            .map(
                                t ->
                                    new ClockTermsView(
                                        t.metric().name(),
                                        Names.metric(locale, t.metric()),
                                        t.target().toString(),
                                        t.calendarId(),
                                        t.pausable()))
                            .toList()))
            .toList(),
        plan.effectiveFrom().toString(),
        catalog.retiredAt(plan.id(), plan.version()).map(Instant::toString).orElse(null),
        catalog.planVersions(plan.id()).stream().map(Plan::version).toList(),
        definition.map(PlanDefinitionWriter::write).orElse(null));
  }

  /** The newest version, with the numbers of all versions. */
  static CalendarView calendar(List<CalendarVersion> versions) {
    CalendarVersion latest = versions.get(versions.size() - 1);
    List<Integer> numbers = versions.stream().map(CalendarVersion::version).toList();
    if (latest.calendar() instanceof WeeklyCalendar weekly) {
      CalendarDefinition definition = CalendarDefinition.of(weekly, latest.followsCustomerZone());
      return new CalendarView(
          latest.id(),
          latest.version(),
          latest.effectiveFrom().toString(),
          "WEEKLY",
          definition.zone(),
          definition.windows(),
          definition.holidays(),
          latest.followsCustomerZone(),
          numbers);
    }
    return new CalendarView(
        latest.id(),
        latest.version(),
        latest.effectiveFrom().toString(),
        "ALWAYS_OPEN",
        null,
        List.of(),
        List.of(),
        false,
        numbers);
  }
}
