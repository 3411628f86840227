package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Serialises changes of the catalog (plans and calendars) across instances: two PUTs of one plan
 * would otherwise both see the same latest version and write the same next one.
 */
@ApplicationScoped
public class CatalogLock {

  /** The advisory lock's key ("SLA" and 2). */
  private static final long KEY = 0x534c41_0002L;

  /** Takes the lock until the transaction ends. */
  public Uni<Void> take(Mutiny.Session session) {
    // the one statement of a catalog change that is not about its entities
    return session
        .createNativeQuery(
            "select count(*) from (select pg_advisory_xact_lock(" + KEY + ")) as locked",
            Long.class)
        .getSingleResult()
        .replaceWithVoid();
  }
}
