package dev.slaservice.sla.persistence;

import dev.slaservice.sla.webhook.ZammadSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** The last Zammad snapshot seen per connection and ticket (table webhook_zammad_snapshot). */
@ApplicationScoped
public class ZammadSnapshots {

  private final Mutiny.SessionFactory sessions;

  public ZammadSnapshots(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  public Uni<Optional<ZammadSnapshot>> last(String connection, String ticket) {
    return sessions
        .withSession(
            session ->
                session
                    .createNativeQuery(
                        """
                            select state, priority, first_response, updated_at from webhook_zammad_snapshot
                            where connection = :connection and ticket = :ticket""",
                        Object[].class)
                    .setParameter("connection", connection)
                    .setParameter("ticket", ticket)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .findFirst()
                    .map(
                        row ->
                            new ZammadSnapshot(
                                (String) row[0], (String) row[1], (Boolean) row[2], time(row[3]))));
  }

  /** Keeps {@code snapshot} unless a newer one is kept already. */
  public Uni<Void> keep(String connection, String ticket, ZammadSnapshot snapshot) {
    return sessions
        .withTransaction(
            session ->
                session
                    .createNativeQuery(
                        """
                            insert into webhook_zammad_snapshot (connection, ticket, state, priority,
                            first_response, updated_at)
                            values (:connection, :ticket, :state, :priority, :firstResponse, :updatedAt)
                            on conflict (connection, ticket) do update set state = excluded.state,
                            priority = excluded.priority, first_response = excluded.first_response,
                            updated_at = excluded.updated_at
                            where webhook_zammad_snapshot.updated_at <= excluded.updated_at""")
                    .setParameter("connection", connection)
                    .setParameter("ticket", ticket)
                    .setParameter("state", snapshot.state())
                    .setParameter("priority", snapshot.priority())
                    .setParameter("firstResponse", snapshot.firstResponse())
                    .setParameter("updatedAt", snapshot.updatedAt())
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
