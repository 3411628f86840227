package dev.slaservice.sla.application;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.persistence.CompensationQueue;
import dev.slaservice.sla.runtime.BatchLoop;
import dev.slaservice.sla.runtime.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;

/**
 * Re-computes the statements of queued customers (ADR 0008), a batch per transaction: the
 * statements, what is published of them, the outbox records and the removal from the queue commit
 * together. Any instance drains; a customer's compensation lock, tried and skipped when taken,
 * keeps two from re-computing the same customer. Queue rows are not held meanwhile, so a breach
 * that queues a customer never waits for a drain.
 */
@ApplicationScoped
public class CompensationDrain {

  private final UnitOfWork unitOfWork;
  private final CompensationQueue queue;
  private final CompensationUpdater compensation;
  private final CatalogHolder catalog;
  private final SlaConfig config;
  private final Poller poller;

  public CompensationDrain(
      UnitOfWork unitOfWork,
      CompensationQueue queue,
      CompensationUpdater compensation,
      CatalogHolder catalog,
      SlaConfig config,
      Vertx vertx) {
    this.unitOfWork = unitOfWork;
    this.queue = queue;
    this.compensation = compensation;
    this.catalog = catalog;
    this.config = config;
    this.poller = new Poller("compensation drain", vertx, this::drain);
  }

  void start(@Observes StartupEvent started) {
    poller.start(config.compensation().pollInterval());
  }

  void stop(@Observes ShutdownEvent stopping) {
    poller.stop(Duration.ofSeconds(10));
  }

  /** Re-computes every queued customer. @return how many customers were re-computed */
  public Uni<Integer> drain() {
    int limit = config.compensation().batchSize();
    return BatchLoop.whileFull(() -> drainBatch(limit), limit);
  }

  private Uni<Integer> drainBatch(int limit) {
    return unitOfWork
        .run(
            (sql, now) ->
                queue
                    .claim(sql, limit, config.compensation().settleTime())
                    .chain(
                        queued ->
                            queued.isEmpty()
                                ? Uni.createFrom().item(queued)
                                : catalog
                                    .refresh(sql)
                                    .chain(
                                        snapshot ->
                                            compensation.refresh(
                                                sql,
                                                queued.stream()
                                                    .map(CompensationQueue.Queued::customerId)
                                                    .toList(),
                                                snapshot.catalog(),
                                                now,
                                                ProjectionUpdater.Mode.LIVE))
                                    .chain(() -> queue.remove(sql, queued))
                                    .replaceWith(queued)))
        .map(List::size);
  }
}
