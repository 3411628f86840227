package dev.slaservice.sla.domain.sla;

import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.Holiday;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendars one ticket is judged by: each clock's calendar in the version in force when the
 * ticket was opened, in the customer's contract zone where the calendar follows it, or the hours
 * agreed with the customer instead ("if other hours were agreed with the customer, they apply").
 */
final class TicketCalendars {

  /** A calendar as applied to this ticket, and the catalog version it came from. */
  record Applied(BusinessCalendar calendar, int version) {}

  private final PolicyCatalog catalog;
  private final Instant openedAt;
  private final Optional<Subscription> subscription;
  private final Map<String, Applied> applied = new HashMap<>();

  TicketCalendars(PolicyCatalog catalog, Instant openedAt, Optional<Subscription> subscription) {
    this.catalog = catalog;
    this.openedAt = openedAt;
    this.subscription = subscription;
  }

  Applied of(ClockTerms terms) {
    return applied.computeIfAbsent(terms.calendarId(), this::apply);
  }

  BusinessCalendar calendar(ClockTerms terms) {
    return of(terms).calendar();
  }

  private Applied apply(String calendarId) {
    CalendarVersion version =
        catalog
            .calendarAt(calendarId, openedAt)
            .orElseThrow(
                () -> new IllegalStateException("the catalog has no calendar " + calendarId));
    BusinessCalendar calendar = version.calendar();
    if (subscription.isPresent() && !subscription.get().agreedHours().isEmpty()) {
      Subscription contract = subscription.get();
      List<Holiday> holidays =
          calendar instanceof WeeklyCalendar weekly ? weekly.holidays() : List.of();
      calendar =
          new WeeklyCalendar(
              "agreed:" + contract.customerId(), contract.zone(), contract.agreedHours(), holidays);
    } else if (subscription.isPresent()
        && version.followsCustomerZone()
        && calendar instanceof WeeklyCalendar weekly) {
      calendar = weekly.inZone(subscription.get().zone());
    }
    return new Applied(calendar, version.version());
  }
}
