package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many changes the stored catalog has seen: calendar versions, plan versions and plan
 * retirements. It grows with every change, so a reader of the write path knows when to load the
 * entities again without loading them.
 */
@ApplicationScoped
public class CatalogChanges {

  static final String COUNT =
      """
          select (select count(*) from calendar_version)
          + (select count(*) + count(retired_at) from plan_version)""";

  public Uni<Long> count(Sql sql) {
    return sql.query(COUNT).map(rows -> rows.iterator().next().getLong(0));
  }
}
