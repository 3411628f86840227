package dev.slaservice.sla.application;

import dev.slaservice.sla.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pool for the queries, which write nothing; a reading that judges tickets or statements gets
 * the catalog in force, checked for new stored versions first.
 */
@ApplicationScoped
public class CatalogReads {

  private final Pool pool;
  private final CatalogHolder catalog;

  public CatalogReads(Pool pool, CatalogHolder catalog) {
    this.pool = pool;
    this.catalog = catalog;
  }

  /** A reading that needs no catalog. */
  public <T> Uni<T> read(Function<Sql, Uni<T>> reading) {
    return reading.apply(Sql.of(pool));
  }

  /** A reading under the catalog in force. */
  public <T> Uni<T> readWithCatalog(BiFunction<Sql, CatalogHolder.Snapshot, Uni<T>> reading) {
    Sql sql = Sql.of(pool);
    return catalog.refresh(sql).chain(snapshot -> reading.apply(sql, snapshot));
  }
}
