package dev.slaservice.sla.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Sessions for the queries, which write nothing; a reading that judges tickets or statements gets
 * the catalog in force, checked for new stored versions in the same session first.
 */
@ApplicationScoped
public class CatalogReads {

  private final Mutiny.SessionFactory sessions;
  private final CatalogHolder catalog;

  public CatalogReads(Mutiny.SessionFactory sessions, CatalogHolder catalog) {
    this.sessions = sessions;
    this.catalog = catalog;
  }

  /** A reading that needs no catalog. */
  public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> reading) {
    return sessions.withSession(reading);
  }

  /** A reading under the catalog in force. */
  public <T> Uni<T> readWithCatalog(
      BiFunction<Mutiny.Session, CatalogHolder.Snapshot, Uni<T>> reading) {
    return sessions.withSession(
        session -> catalog.refresh(session).chain(snapshot -> reading.apply(session, snapshot)));
  }
}
