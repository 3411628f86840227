package dev.slaservice.sla.persistence;

import dev.slaservice.sla.config.ServiceClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Rebuilds every ticket's projection, the timers and the compensation state by replaying the event
 * store. The record of what was published is kept, so a rebuild publishes only what is genuinely
 * new (a deadline that passed a moment ago) and never repeats a fact; a ticket whose record was
 * lost is restored silently. Runs in one transaction that holds the projection tables, so event
 * batches and timers wait for it (intake over HTTP goes on; Kafka keeps the events meanwhile).
 */
@ApplicationScoped
public class ProjectionRebuild {

  private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
  private static final int CHUNK = 500;

  /** What a rebuild did. */
  public record Result(int tickets, int customers, Duration took) {
  }

  private final Mutiny.SessionFactory sessions;
  private final ProjectionUpdater updater;
  private final ServiceClock clock;

  public ProjectionRebuild(Mutiny.SessionFactory sessions, ProjectionUpdater updater, ServiceClock clock) {
    this.sessions = sessions;
    this.updater = updater;
    this.clock = clock;
  }

  /**
   * @param fromScratch also forget the record of what was published: every ticket and month is then
   *     restored silently (a fact that fell due after the last publication and before the rebuild
   *     would not be published; use it to recover a lost or corrupt projection, not routinely)
   */
  public Uni<Result> rebuild(boolean fromScratch) {
    Instant started = Instant.now();
    Instant now = clock.now();
    return sessions.withTransaction((session, tx) -> session
        .createNativeQuery("lock table ticket_projection, sla_timer, compensation_month in exclusive mode")
        .executeUpdate()
        .chain(() -> session.createNativeQuery("delete from sla_timer").executeUpdate())
        .chain(() -> fromScratch ? session.createNativeQuery("delete from compensation_month").executeUpdate()
            .chain(() -> session.createNativeQuery("delete from ticket_projection").executeUpdate())
            : Uni.createFrom().item(0))
        .chain(() -> session.createNativeQuery("select distinct ticket_id from event_store where ticket_id is not null"
            + " order by ticket_id", String.class).getResultList())
        .chain(tickets -> replay(session, tickets, now).replaceWith(tickets.size()))
        .chain(tickets -> session.createNativeQuery("select distinct customer_id from event_store"
                + " where customer_id is not null order by customer_id", String.class).getResultList()
            .chain(customers -> updater.refresh(session, List.of(), customers, now, ProjectionUpdater.Mode.REBUILD)
                .replaceWith(new Result(tickets, customers.size(), Duration.between(started, Instant.now()))))))
        .invoke(result -> LOG.infof("rebuilt the projection of %d tickets and %d customers in %d ms",
            result.tickets(), result.customers(), result.took().toMillis()));
  }

  private Uni<Void> replay(Mutiny.Session session, List<String> tickets, Instant now) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (int from = 0; from < tickets.size(); from += CHUNK) {
      List<String> chunk = tickets.subList(from, Math.min(tickets.size(), from + CHUNK));
      chain = chain.chain(() -> updater.refresh(session, chunk, Set.of(), now, ProjectionUpdater.Mode.REBUILD).replaceWithVoid());
    }
    return chain;
  }
}
