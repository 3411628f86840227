package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Durable timers: for each ticket, the next instant its SLA changes by time alone. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED} on the ticket's projection row, so several instances share
 * the work and a ticket being updated by an event is left for the next poll.
 */
@ApplicationScoped
public class TimerStore {

  /**
   * Claims up to {@code limit} tickets whose timer is due at {@code now}, earliest first, with
   * their due instants.
   */
  public Uni<Map<String, Instant>> claimDue(Mutiny.Session session, Instant now, int limit) {
    return session
        .createNativeQuery(
            """
                select p.ticket_id, t.due_at from sla_timer t
                join ticket_projection p on p.ticket_id = t.ticket_id
                where t.due_at <= :now order by t.due_at limit :limit for update of p skip locked""",
            Object[].class)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .setParameter("limit", limit)
        .getResultList()
        .map(
            rows -> {
              Map<String, Instant> due = new LinkedHashMap<>();
              rows.forEach(row -> due.put((String) row[0], SqlTimestamps.instant(row[1])));
              return due;
            });
  }

  /** Sets each ticket's timer, or removes it where nothing is due any more (null). */
  public Uni<Void> reschedule(Mutiny.Session session, Map<String, Instant> dueByTicket) {
    List<String> cleared =
        dueByTicket.entrySet().stream()
            .filter(e -> e.getValue() == null)
            .map(Map.Entry::getKey)
            .toList();
    List<Map.Entry<String, Instant>> set =
        dueByTicket.entrySet().stream().filter(e -> e.getValue() != null).toList();
    Uni<Void> delete =
        cleared.isEmpty()
            ? Uni.createFrom().voidItem()
            : session
                .createNativeQuery("delete from sla_timer where ticket_id in (:ids)")
                .setParameter("ids", (Collection<String>) cleared)
                .executeUpdate()
                .replaceWithVoid();
    return delete.chain(
        () ->
            write(session, set, " on conflict (ticket_id) do update set due_at = excluded.due_at"));
  }

  /** Inserts timers of tickets that have none: a rebuild's, into the emptied table it holds. */
  public Uni<Void> insert(Mutiny.Session session, Map<String, Instant> dueByTicket) {
    return write(session, List.copyOf(dueByTicket.entrySet()), "");
  }

  private Uni<Void> write(
      Mutiny.Session session, List<Map.Entry<String, Instant>> set, String onConflict) {
    ColumnArrays columns = new ColumnArrays(2, set.size());
    set.forEach(entry -> columns.add(entry.getKey(), entry.getValue()));
    return columns.write(
        session,
        """
            insert into sla_timer (ticket_id, due_at)
            select ticket_id, cast(due_at as timestamptz) from\s"""
            + ColumnArrays.unnest("ticket_id", "due_at")
            + onConflict);
  }
}
