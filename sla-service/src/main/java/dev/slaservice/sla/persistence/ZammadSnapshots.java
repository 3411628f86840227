package dev.slaservice.sla.persistence;

import dev.slaservice.sla.webhook.ZammadSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The last Zammad snapshot seen per connection and ticket (table webhook_zammad_snapshot). */
@ApplicationScoped
public class ZammadSnapshots {

  private final Pool pool;

  public ZammadSnapshots(Pool pool) {
    this.pool = pool;
  }

  public Uni<Optional<ZammadSnapshot>> last(String connection, String ticket) {
    return Sql.of(pool)
        .list(
            """
                            select state, priority, first_response, updated_at from webhook_zammad_snapshot
                            where connection = $1 and ticket = $2""",
            Tuple.of(connection, ticket),
            row ->
                new ZammadSnapshot(
                    row.getString(0),
                    row.getString(1),
                    row.getBoolean(2),
                    row.getOffsetDateTime(3)))
        .map(rows -> rows.stream().findFirst());
  }

  /** Keeps {@code snapshot} unless a newer one is kept already. */
  public Uni<Void> keep(String connection, String ticket, ZammadSnapshot snapshot) {
    return Sql.of(pool)
        .execute(
            """
                        insert into webhook_zammad_snapshot (connection, ticket, state, priority,
                        first_response, updated_at)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (connection, ticket) do update set state = excluded.state,
                        priority = excluded.priority, first_response = excluded.first_response,
                        updated_at = excluded.updated_at
                        where webhook_zammad_snapshot.updated_at <= excluded.updated_at""",
            Tuple.of(
                connection,
                ticket,
                snapshot.state(),
                snapshot.priority(),
                snapshot.firstResponse(),
                snapshot.updatedAt()));
  }
}
