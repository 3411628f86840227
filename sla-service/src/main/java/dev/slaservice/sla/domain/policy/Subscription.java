package dev.slaservice.sla.domain.policy;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A customer's contract from {@code effectiveFrom} (a local date in its zone): plan, fee, the zone
 * its local times are in, and agreed service hours that replace the plan's calendars.
 */
public record Subscription(
    String customerId,
    String planId,
    BigDecimal monthlyFee,
    String currency,
    ZoneId zone,
    List<WeeklyWindow> agreedHours,
    LocalDate effectiveFrom,
    Instant occurredAt) {

  public Subscription {
    agreedHours = agreedHours == null ? List.of() : List.copyOf(agreedHours);
  }

  /** The subscription an event states. */
  public static Subscription of(CustomerEvent.SubscriptionChanged changed) {
    List<WeeklyWindow> agreed =
        changed.agreedHours() == null
            ? List.of()
            : changed.agreedHours().stream()
                .map(w -> new WeeklyWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime()))
                .toList();
    return new Subscription(
        changed.customerId(),
        changed.planId(),
        changed.monthlyFee(),
        changed.currency(),
        ZoneId.of(changed.timeZone()),
        agreed,
        changed.effectiveFrom(),
        changed.occurredAt().toInstant());
  }

  /** The first instant the subscription is in force. */
  public Instant startsAt() {
    return effectiveFrom.atStartOfDay(zone).toInstant();
  }

  /**
   * Of a customer's subscriptions, the one in force at {@code instant}: the latest to start, then
   * the latest sent.
   */
  public static Optional<Subscription> inForceAt(
      List<Subscription> subscriptions, Instant instant) {
    return subscriptions.stream()
        .filter(s -> !s.startsAt().isAfter(instant))
        .max(Comparator.comparing(Subscription::startsAt).thenComparing(Subscription::occurredAt));
  }
}
