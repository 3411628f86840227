package dev.slaservice.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Events about a customer rather than a ticket; keyed by customer in Kafka. */
public sealed interface CustomerEvent extends InboundEvent {

  String customerId();

  @Override
  @JsonIgnore
  default String partitionKey() {
    return customerId();
  }

  /**
   * The customer's plan, fee and time zone from {@code effectiveFrom} (a local date in that zone);
   * {@code agreedHours}, when given, replace the plan's service hours for the customer's tickets.
   */
  record SubscriptionChanged(
      String eventId,
      String customerId,
      OffsetDateTime occurredAt,
      String source,
      String planId,
      BigDecimal monthlyFee,
      String currency,
      String timeZone,
      List<ServiceWindow> agreedHours,
      LocalDate effectiveFrom)
      implements CustomerEvent {}

  /** The customer applied through the support portal for the credits of a month. */
  record CompensationClaimed(
      String eventId, String customerId, OffsetDateTime occurredAt, String source, YearMonth month)
      implements CustomerEvent {}
}
