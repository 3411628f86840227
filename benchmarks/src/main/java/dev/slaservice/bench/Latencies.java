package dev.slaservice.bench;

import java.util.Arrays;

/**
 * Recorded latencies in microseconds, from any thread; percentiles by sorting (runs are bounded).
 */
final class Latencies {

  private long[] values = new long[1 << 16];
  private int size;

  synchronized void record(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  synchronized int count() {
    return size;
  }

  /** The {@code fraction} percentile (0.5, 0.99, 1.0) in milliseconds. */
  synchronized double percentileMillis(double fraction) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(fraction * size) - 1));
    return sorted[index] / 1000.0;
  }
}
