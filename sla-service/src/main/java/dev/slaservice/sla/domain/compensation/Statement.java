package dev.slaservice.sla.domain.compensation;

import dev.slaservice.events.Metric;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A customer's compensation for one month: each breached ticket, its credit and why it is or is not
 * eligible; the cap; the total; whether it was claimed and into which month it is credited.
 */
public record Statement(
    String customerId,
    YearMonth month,
    YearMonth creditMonth,
    String planId,
    Money monthlyFee,
    List<Line> lines,
    Money subtotal,
    Money total,
    boolean capped,
    Status status,
    Instant claimedAt) {

  /** ELIGIBLE until claimed, ISSUED by a claim; NONE when nothing is owed. */
  public enum Status {
    NONE,
    ELIGIBLE,
    ISSUED
  }

  /** One ticket of the month. {@code credit} is zero when not eligible. */
  public record Line(
      String ticketId,
      Instant breachedAt,
      List<Metric> metrics,
      Money credit,
      boolean eligible,
      LineReason reason) {}

  public boolean claimed() {
    return claimedAt != null;
  }
}
