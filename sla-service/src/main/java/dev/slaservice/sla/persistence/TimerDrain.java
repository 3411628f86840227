package dev.slaservice.sla.persistence;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.observability.SlaMetrics;
import dev.slaservice.sla.runtime.BatchLoop;
import dev.slaservice.sla.runtime.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Fires due timers: re-folds each due ticket at the service's now, so deadlines pass by time alone.
 */
@ApplicationScoped
public class TimerDrain {

  private final Mutiny.SessionFactory sessions;
  private final TimerStore timers;
  private final ProjectionUpdater updater;
  private final Clock clock;
  private final SlaConfig config;
  private final Poller poller;
  private final SlaMetrics metrics;
  private final OutboxSignal outbox;

  public TimerDrain(
      Mutiny.SessionFactory sessions,
      TimerStore timers,
      ProjectionUpdater updater,
      Clock clock,
      SlaConfig config,
      Vertx vertx,
      SlaMetrics metrics,
      OutboxSignal outbox) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.sessions = sessions;
    this.timers = timers;
    this.updater = updater;
    this.clock = clock;
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
    Instant now = clock.instant();
    return sessions
        .withTransaction(
            (session, tx) ->
                timers
                    .claimDue(session, now, limit)
                    .chain(
                        due ->
                            updater
                                .refresh(session, due.keySet(), now)
                                .map(records -> new Fired(due, records))))
        .invoke(
            fired -> {
              outbox.committed(fired.records());
              fired
                  .due()
                  .values()
                  .forEach(at -> metrics.timerFired(Duration.between(at, clock.instant())));
            })
        .map(fired -> fired.due().size());
  }
}
