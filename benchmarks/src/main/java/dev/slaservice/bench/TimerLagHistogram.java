package dev.slaservice.bench;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own histogram of how late its timers fired ({@code sla_timer_lag_seconds}): due
 * instant to the commit of the transaction that fired them. Taken before and after the breach
 * window, it splits a breach's latency into the timer's part and the relay's (outbox to Kafka).
 */
record TimerLagHistogram(SortedMap<Double, Double> cumulative) {

  private static final Pattern BUCKET =
      Pattern.compile("(?m)^sla_timer_lag_seconds_bucket\\{le=\"([^\"]+)\",?\\} (\\S+)$");

  static TimerLagHistogram parse(String metrics) {
    SortedMap<Double, Double> cumulative = new TreeMap<>();
    Matcher matcher = BUCKET.matcher(metrics);
    while (matcher.find()) {
      double bound =
          "+Inf".equals(matcher.group(1))
              ? Double.POSITIVE_INFINITY
              : Double.parseDouble(matcher.group(1));
      cumulative.put(bound, Double.parseDouble(matcher.group(2)));
    }
    return new TimerLagHistogram(cumulative);
  }

  /** The timers fired since {@code earlier}. */
  TimerLagHistogram since(TimerLagHistogram earlier) {
    SortedMap<Double, Double> delta = new TreeMap<>();
    cumulative.forEach(
        (bound, count) -> delta.put(bound, count - earlier.cumulative.getOrDefault(bound, 0.0)));
    return new TimerLagHistogram(delta);
  }

  double count() {
    return cumulative.isEmpty() ? 0 : cumulative.get(cumulative.lastKey());
  }

  /** The upper bound, in milliseconds, of the bucket that holds the {@code fraction} percentile. */
  double percentileUpperBoundMillis(double fraction) {
    double total = count();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (total > 0 && bucket.getValue() >= fraction * total) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }
}
