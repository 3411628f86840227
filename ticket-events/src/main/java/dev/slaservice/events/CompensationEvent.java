package dev.slaservice.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What billing learns about service credits, on topic sla-compensations keyed by customer id.
 * Amounts are decimals in {@code currency}'s minor unit; {@code id} is stable for the same fact.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = CompensationEvent.CompensationAccrued.class,
      name = "CompensationAccrued"),
  @JsonSubTypes.Type(
      value = CompensationEvent.CompensationIssued.class,
      name = "CompensationIssued"),
  @JsonSubTypes.Type(
      value = CompensationEvent.CompensationCorrected.class,
      name = "CompensationCorrected")
})
public sealed interface CompensationEvent {

  String id();

  String customerId();

  /** The month of the breaches (customer's time zone). */
  YearMonth month();

  Instant detectedAt();

  @JsonIgnore
  default String typeName() {
    return getClass().getSimpleName();
  }

  /**
   * A breached ticket's credit for the month, and whether it is eligible and why: {@code reason} in
   * English, {@code reasonZh} the same in Chinese.
   */
  record CompensationAccrued(
      String id,
      String customerId,
      YearMonth month,
      String ticketId,
      BigDecimal amount,
      String currency,
      boolean eligible,
      String reason,
      String reasonZh,
      Instant detectedAt)
      implements CompensationEvent {}

  /**
   * The customer claimed the month: a voucher of {@code amount}, credited to {@code creditMonth}.
   */
  record CompensationIssued(
      String id,
      String customerId,
      YearMonth month,
      YearMonth creditMonth,
      BigDecimal amount,
      String currency,
      List<String> tickets,
      boolean capped,
      Instant detectedAt)
      implements CompensationEvent {}

  /**
   * An issued month's amount changed (e.g. a breach retracted after issue): the new amount replaces
   * the old.
   */
  record CompensationCorrected(
      String id,
      String customerId,
      YearMonth month,
      YearMonth creditMonth,
      BigDecimal previousAmount,
      BigDecimal amount,
      String currency,
      List<String> tickets,
      boolean capped,
      Instant detectedAt)
      implements CompensationEvent {}
}
