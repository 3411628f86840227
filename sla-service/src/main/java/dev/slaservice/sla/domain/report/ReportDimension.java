package dev.slaservice.sla.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a compliance report can group by; {@link #key()} is its name in a request. */
public enum ReportDimension {
  PLAN,
  PRIORITY,
  METRIC,
  CUSTOMER,
  MONTH;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportDimension> ofKey(String key) {
    return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
  }
}
