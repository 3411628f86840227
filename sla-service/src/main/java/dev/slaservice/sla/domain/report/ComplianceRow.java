package dev.slaservice.sla.domain.report;

import dev.slaservice.events.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;

/**
 * One line of a compliance report. Keys not grouped by are null. {@code met}, {@code breached} and
 * {@code running} count clocks (a ticket has one per metric of its plan); the time to meet is given
 * only per metric, since the times of different metrics do not pool into one meaningful figure.
 */
public record ComplianceRow(
    String planId,
    String priority,
    Metric metric,
    String customerId,
    YearMonth month,
    long tickets,
    long met,
    long breached,
    long running,
    Duration medianTimeToMeet,
    Duration p90TimeToMeet) {

  /**
   * The share of decided clocks that met their target, in percent to two places; null while none is
   * decided.
   */
  public BigDecimal compliancePercent() {
    long decided = met + breached;
    if (decided == 0) {
      return null;
    }
    return BigDecimal.valueOf(met)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(decided), 2, RoundingMode.HALF_UP);
  }
}
