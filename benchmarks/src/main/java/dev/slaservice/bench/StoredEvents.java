package dev.slaservice.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches how many events the service has committed to its event store (the same transaction as
 * the projection), so a phase can hold its posting while the pipeline is far behind and can tell
 * when the pipeline has caught up.
 */
final class StoredEvents implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement count;
  private final long base;
  private final AtomicLong stored = new AtomicLong();
  private final Thread watcher;
  private volatile boolean running = true;

  StoredEvents(BenchStack stack) throws SQLException {
    connection = stack.jdbc();
    try (ResultSet max = connection.createStatement().executeQuery("select coalesce(max(seq), 0) from event_store")) {
      max.next();
      base = max.getLong(1);
    }
    count = connection.prepareStatement("select count(*) from event_store where seq > ?");
    watcher = new Thread(() -> {
      while (running) {
        refresh();
        Pause.briefly(Duration.ofMillis(200));
      }
    }, "stored-events");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Events stored since this watcher started. */
  long stored() {
    return stored.get();
  }

  private synchronized void refresh() {
    try {
      count.setLong(1, base);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        stored.set(result.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count stored events: " + e.getMessage(), e);
    }
  }

  /** Polls until {@code expected} events are stored; @return when that was seen, in System.nanoTime. */
  long awaitStored(long expected, Duration atMost) {
    long giveUp = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < giveUp) {
      if (stored.get() >= expected) {
        return System.nanoTime();
      }
      Pause.briefly(Duration.ofMillis(20));
    }
    throw new IllegalStateException("only " + stored.get() + " of " + expected + " events were stored within "
        + atMost.toSeconds() + " s");
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
