package dev.slaservice.sla.rest;

import dev.slaservice.events.ServiceWindow;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.persistence.CalendarDefinition;
import java.util.List;

/** How plans and calendars read over REST. */
final class CatalogViews {

  private CatalogViews() {
  }

  record PlanView(String id, int version, String name, String displayName, List<Integer> warningPercents,
                  List<PriorityView> priorities) {
  }

  record PriorityView(String priority, String displayName, List<ClockTermsView> clocks) {
  }

  record ClockTermsView(String metric, String metricName, String target, String calendarId, boolean pausable) {
  }

  record CalendarView(String id, int version, String effectiveFrom, String kind, String zone,
                      List<ServiceWindow> windows, List<CalendarDefinition.HolidayDefinition> holidays,
                      boolean followsCustomerZone, List<Integer> versions) {
  }

  record DueView(String calendarId, int calendarVersion, String start, String duration, String due) {
  }

  static PlanView plan(Plan plan, java.util.Locale locale) {
    return new PlanView(plan.id(), plan.version(), plan.name(), Names.plan(locale, plan.id(), plan.name()),
        plan.warningPercents(),
        plan.priorities().entrySet().stream().map(p -> new PriorityView(p.getKey(), Names.priority(locale, p.getKey()),
            p.getValue().values().stream()
            .sorted(java.util.Comparator.comparing(ClockTerms::metric))
            .map(t -> new ClockTermsView(t.metric().name(), Names.metric(locale, t.metric()), t.target().toString(),
                t.calendarId(), t.pausable()))
            .toList())).toList());
  }

  /** The newest version, with the numbers of all versions. */
  static CalendarView calendar(List<CalendarVersion> versions) {
    CalendarVersion latest = versions.get(versions.size() - 1);
    List<Integer> numbers = versions.stream().map(CalendarVersion::version).toList();
    if (latest.calendar() instanceof WeeklyCalendar weekly) {
      CalendarDefinition definition = CalendarDefinition.of(weekly, latest.followsCustomerZone());
      return new CalendarView(latest.id(), latest.version(), latest.effectiveFrom().toString(), "WEEKLY",
          definition.zone(), definition.windows(), definition.holidays(), latest.followsCustomerZone(), numbers);
    }
    return new CalendarView(latest.id(), latest.version(), latest.effectiveFrom().toString(), "ALWAYS_OPEN", null,
        List.of(), List.of(), false, numbers);
  }
}
