package dev.slaservice.sla.domain.policy;

import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import java.util.Collection;
import java.util.Optional;

/** The plans and calendars the service judges tickets by. */
public interface PolicyCatalog {

  Optional<Plan> plan(String planId);

  Collection<Plan> plans();

  Optional<BusinessCalendar> calendar(String calendarId);

  /** The calendar a plan's clock names; a plan naming a missing calendar is a catalog defect. */
  default BusinessCalendar calendarOf(ClockTerms terms) {
    return calendar(terms.calendarId()).orElseThrow(() -> new IllegalStateException(
        "the catalog has no calendar " + terms.calendarId()));
  }
}
