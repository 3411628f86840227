package dev.slaservice.sla.persistence;

import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  public Uni<Map<String, Instant>> claimDue(Sql sql, Instant now, int limit) {
    return sql.query(
            """
                select p.ticket_id, t.due_at from sla_timer t
                join ticket_projection p on p.ticket_id = t.ticket_id
                where t.due_at <= $1 order by t.due_at limit $2 for update of p skip locked""",
            Tuple.of(Sql.at(now), limit))
        .map(
            rows -> {
              Map<String, Instant> due = new LinkedHashMap<>();
              rows.forEach(row -> due.put(row.getString(0), Sql.instant(row, 1)));
              return due;
            });
  }

  /** Sets each ticket's timer, or removes it where nothing is due any more (null). */
  public Uni<Void> reschedule(Sql sql, Map<String, Instant> dueByTicket) {
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
            : sql.execute(
                "delete from sla_timer where ticket_id = any($1)", Tuple.of(Sql.texts(cleared)));
    return delete.chain(
        () -> write(sql, set, " on conflict (ticket_id) do update set due_at = excluded.due_at"));
  }

  /** Inserts timers of tickets that have none: a rebuild's, into the emptied table it holds. */
  public Uni<Void> insert(Sql sql, Map<String, Instant> dueByTicket) {
    return write(sql, List.copyOf(dueByTicket.entrySet()), "");
  }

  private static final ColumnArrays.Shape TIMER =
      ColumnArrays.Shape.of(Type.TEXT.of("ticket_id"), Type.TIMESTAMPTZ.of("due_at"));

  private Uni<Void> write(Sql sql, List<Map.Entry<String, Instant>> set, String onConflict) {
    ColumnArrays rows = TIMER.rows(set.size());
    set.forEach(entry -> rows.add(entry.getKey(), entry.getValue()));
    return sql.write(TIMER.insertInto("sla_timer") + onConflict, rows).replaceWithVoid();
  }
}
