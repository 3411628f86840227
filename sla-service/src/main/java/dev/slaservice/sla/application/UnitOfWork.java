package dev.slaservice.sla.application;

import dev.slaservice.sla.observability.SlaMetrics;
import dev.slaservice.sla.persistence.Sql;
import dev.slaservice.sla.runtime.OutboxSignal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * One transaction of the write path at one instant of the service's clock: what a consumed batch, a
 * fired timer or a drain writes commits together, and this instance's outbox relay is woken for the
 * records it committed.
 */
@ApplicationScoped
public class UnitOfWork {

  /** The work of one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    Uni<T> run(Sql sql, Instant now);
  }

  private final Pool pool;
  private final Clock clock;
  private final OutboxSignal outbox;
  private final SlaMetrics metrics;

  public UnitOfWork(Pool pool, Clock clock, OutboxSignal outbox, SlaMetrics metrics) {
    this.pool = pool;
    this.clock = clock;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /**
   * Runs {@code work} in one transaction at the service's now; once it committed, wakes the relay
   * if {@code outboxRecords} of its result is positive.
   */
  public <T> Uni<T> run(Work<T> work, ToIntFunction<T> outboxRecords) {
    Instant now = clock.instant();
    return pool.withTransaction(connection -> work.run(Sql.of(connection), now))
        .invoke(result -> outbox.committed(outboxRecords.applyAsInt(result)));
  }

  /** Runs {@code work} in one transaction at the service's now; it writes no outbox record. */
  public <T> Uni<T> run(Work<T> work) {
    return run(work, result -> 0);
  }

  public Instant now() {
    return clock.instant();
  }

  public SlaMetrics metrics() {
    return metrics;
  }
}
