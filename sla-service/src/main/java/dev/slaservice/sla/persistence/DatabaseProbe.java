package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Tells a failure of the database itself apart from a failure of what was asked of it. */
@ApplicationScoped
public class DatabaseProbe {

  private final Mutiny.SessionFactory sessions;

  public DatabaseProbe(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /** True when the database answers a trivial query now. */
  public Uni<Boolean> answers() {
    return sessions
        .withSession(
            session -> session.createNativeQuery("select 1", Integer.class).getSingleResult())
        .map(ignored -> true)
        .onFailure()
        .recoverWithItem(false);
  }
}
