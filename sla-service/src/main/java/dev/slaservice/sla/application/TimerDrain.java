package dev.slaservice.sla.application;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.persistence.TimerStore;
import dev.slaservice.sla.runtime.BatchLoop;
import dev.slaservice.sla.runtime.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Fires due timers: re-folds each due ticket at the service's now, so deadlines pass by time alone.
 */
@ApplicationScoped
public class TimerDrain {

  private final UnitOfWork unitOfWork;
  private final TimerStore timers;
  private final ProjectionUpdater updater;
  private final SlaConfig config;
  private final Poller poller;

  public TimerDrain(
      UnitOfWork unitOfWork,
      TimerStore timers,
      ProjectionUpdater updater,
      SlaConfig config,
      Vertx vertx) {
    this.unitOfWork = unitOfWork;
    this.timers = timers;
    this.updater = updater;
    this.config = config;
    this.poller = new Poller("timer drain", vertx, this::fireDue);
  }

  void start(@Observes StartupEvent started) {
    poller.start(config.timers().pollInterval());
  }

  void stop(@Observes ShutdownEvent stopping) {
    poller.stop(Duration.ofSeconds(10));
  }

  /**
   * The tickets whose timers fired, with their due instants, and how many records went to the
   * outbox.
   */
  private record Fired(Map<String, Instant> due, int records) {}

  /** Fires every timer due now, a batch per transaction. @return how many tickets were fired */
  public Uni<Integer> fireDue() {
    int limit = config.timers().batchSize();
    return BatchLoop.whileFull(() -> fireBatch(limit), limit);
  }

  private Uni<Integer> fireBatch(int limit) {
    return unitOfWork
        .run(
            (sql, now) ->
                timers
                    .claimDue(sql, now, limit)
                    .chain(
                        due ->
                            updater
                                .refresh(sql, due.keySet(), now)
                                .map(records -> new Fired(due, records))),
            Fired::records)
        .invoke(
            fired -> {
              Instant firedAt = unitOfWork.now();
              fired
                  .due()
                  .values()
                  .forEach(at -> unitOfWork.metrics().timerFired(Duration.between(at, firedAt)));
            })
        .map(fired -> fired.due().size());
  }
}
