package dev.slaservice.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches how many events the service has committed to its event store (the same transaction as the
 * projection), so a phase can hold its posting while the pipeline is far behind and can tell when
 * the pipeline has caught up.
 *
 * <p>Each poll counts only the rows above a watermark that trails the newest row by {@link
 * #SETTLED}: a transaction that drew a lower seq may still commit after a higher one, but not that
 * much later. Counting every row since the start would scan a table that grows through the run, on
 * the same cores as the service, and every count takes PostgreSQL's time from the pipeline under
 * measurement: the watermark trails by 5 s and the count runs every 500 ms, which delays noticing
 * the end of a phase by at most that (docs/benchmarks.md).
 */
final class StoredEvents implements AutoCloseable {

  private static final Duration SETTLED = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Connection connection;

  private final PreparedStatement count;
  private final PreparedStatement countBetween;
  private final AtomicLong stored = new AtomicLong();

  /** Rows up to {@code watermark} since the start, counted once. */
  private long watermark;

  private long belowWatermark;

  /** The newest seq seen, and when: it becomes the watermark once {@link #SETTLED} old. */
  private final ArrayDeque<long[]> seen = new ArrayDeque<>();

  private final Thread watcher;
  private volatile boolean running = true;

  StoredEvents(BenchStack stack) throws SQLException {
    connection = stack.jdbc();
    try (ResultSet max =
        connection
            .createStatement()
            .executeQuery("select coalesce(max(seq), 0) from event_store")) {
      max.next();
      watermark = max.getLong(1);
    }
    connection.createStatement().execute("set max_parallel_workers_per_gather = 0");
    count =
        connection.prepareStatement(
            "select count(*), coalesce(max(seq), 0) from event_store where seq > ?");
    countBetween =
        connection.prepareStatement("select count(*) from event_store where seq > ? and seq <= ?");
    watcher =
        new Thread(
            () -> {
              while (running) {
                refresh();
                Pause.briefly(POLL);
              }
            },
            "stored-events");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Events stored since this watcher started. */
  long stored() {
    return stored.get();
  }

  private synchronized void refresh() {
    try {
      long now = System.nanoTime();
      while (!seen.isEmpty() && now - seen.peekFirst()[1] >= SETTLED.toNanos()) {
        long settled = seen.pollFirst()[0];
        if (settled > watermark) {
          countBetween.setLong(1, watermark);
          countBetween.setLong(2, settled);
          try (ResultSet result = countBetween.executeQuery()) {
            result.next();
            belowWatermark += result.getLong(1);
          }
          watermark = settled;
        }
      }
      count.setLong(1, watermark);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        stored.set(belowWatermark + result.getLong(1));
        seen.addLast(new long[] {result.getLong(2), now});
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count stored events: " + e.getMessage(), e);
    }
  }

  /**
   * Polls until {@code expected} events are stored; @return when that was seen, in System.nanoTime.
   */
  long awaitStored(long expected, Duration atMost) {
    long giveUp = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < giveUp) {
      if (stored.get() >= expected) {
        return System.nanoTime();
      }
      Pause.briefly(Duration.ofMillis(20));
    }
    throw new IllegalStateException(
        "only "
            + stored.get()
            + " of "
            + expected
            + " events were stored within "
            + atMost.toSeconds()
            + " s");
  }

  @Override
  public void close() throws SQLException {
    running = false;
    try {
      watcher.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
