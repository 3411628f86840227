package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Makes one instance the outbox relay: the one that holds a PostgreSQL advisory lock on a
 * connection it keeps open. When that instance dies its connection closes and the lock is free for
 * another; when its connection breaks it stops relaying at once.
 */
@ApplicationScoped
public class RelayLeadership {

  private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

  /** An arbitrary constant that names the relay's lock among the database's advisory locks. */
  private static final long LOCK = 0x534c41_0001L;

  private static final long RETRY_NANOS = 1_000_000_000L;

  private final Pool pool;
  private volatile SqlConnection held;
  private volatile long generation;
  private volatile long lastAttempt = System.nanoTime() - RETRY_NANOS;

  public RelayLeadership(Pool pool) {
    this.pool = pool;
  }

  /** True while this instance holds the lock. */
  public boolean held() {
    return held != null;
  }

  /** Increases each time this instance gains the lock, so the relay knows to recover first. */
  public long generation() {
    return generation;
  }

  /**
   * Takes the lock if it is free; an instance that does not lead asks at most once a second, not on
   * every relay poll. @return whether this instance now holds it
   */
  public Uni<Boolean> tryAcquire() {
    if (held != null) {
      return Uni.createFrom().item(true);
    }
    long now = System.nanoTime();
    if (now - lastAttempt < RETRY_NANOS) {
      return Uni.createFrom().item(false);
    }
    lastAttempt = now;
    return pool.getConnection()
        .chain(
            connection ->
                connection
                    .preparedQuery("select pg_try_advisory_lock($1)")
                    .execute(Tuple.of(LOCK))
                    .map(
                        rows -> {
                          Row row = rows.iterator().next();
                          if (row.getBoolean(0)) {
                            held = connection;
                            generation++;
                            connection.closeHandler(
                                () -> {
                                  if (held == connection) {
                                    held = null;
                                    LOG.warn(
                                        "lost the outbox relay lock: the database connection closed");
                                  }
                                });
                            LOG.info("this instance relays the outbox");
                            return true;
                          }
                          connection.closeAndForget();
                          return false;
                        })
                    .onFailure()
                    .invoke(e -> connection.closeAndForget()));
  }

  /** Gives the lock up (on shutdown). */
  public void release() {
    SqlConnection connection = held;
    held = null;
    if (connection != null) {
      connection.closeAndForget();
    }
  }
}
