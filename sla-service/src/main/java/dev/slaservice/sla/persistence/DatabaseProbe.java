package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells a failure of the database itself apart from a failure of what was asked of it. */
@ApplicationScoped
public class DatabaseProbe {

  private final Pool pool;

  public DatabaseProbe(Pool pool) {
    this.pool = pool;
  }

  /** True when the database answers a trivial query now. */
  public Uni<Boolean> answers() {
    return Sql.of(pool).query("select 1").map(ignored -> true).onFailure().recoverWithItem(false);
  }
}
