package dev.slaservice.sla.persistence;

import dev.slaservice.sla.config.ServiceClock;
import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.config.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/** Fires due timers: re-folds each due ticket at the service's now, so deadlines pass by time alone. */
@ApplicationScoped
public class TimerDrain {

  private final Mutiny.SessionFactory sessions;
  private final TimerStore timers;
  private final ProjectionUpdater updater;
  private final ServiceClock clock;
  private final SlaConfig config;
  private final Poller poller;
  private final dev.slaservice.sla.observability.SlaMetrics metrics;

  public TimerDrain(Mutiny.SessionFactory sessions, TimerStore timers, ProjectionUpdater updater, ServiceClock clock,
                    SlaConfig config, Vertx vertx, dev.slaservice.sla.observability.SlaMetrics metrics) {
    this.metrics = metrics;
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
    poller.stop(java.time.Duration.ofSeconds(10));
  }


  /** Fires every timer due now, a batch per transaction. @return how many tickets were fired */
  public Uni<Integer> fireDue() {
    Instant now = clock.now();
    int limit = config.timers().batchSize();
    return sessions.withTransaction((session, tx) -> timers.claimDue(session, now, limit)
            .chain(due -> updater.refresh(session, due.keySet(), now).replaceWith(due)))
        .invoke(due -> due.values().forEach(at -> metrics.timerFired(java.time.Duration.between(at, clock.now()))))
        .map(java.util.Map::size)
        .chain(fired -> fired < limit ? Uni.createFrom().item(fired) : fireDue().map(more -> fired + more));
  }
}
