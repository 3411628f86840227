package dev.slaservice.sla.persistence;

import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Integration events waiting to be published, written in the transaction that produced them. */
@ApplicationScoped
public class Outbox {

  /**
   * One record to publish; {@code planId} and {@code metric} tag the relay's count of what it
   * published, and are null for a record that is not about one clock (a compensation statement).
   */
  public record Message(
      String topic,
      String key,
      String eventId,
      String eventType,
      String planId,
      String metric,
      String payload,
      Instant createdAt) {}

  /** A message as the outbox holds it, under the id the relay publishes in the order of. */
  public record Entry(long id, Message message) {}

  /**
   * Adds the messages in one statement, their ids in the order given (the relay publishes in id
   * order).
   */
  public Uni<Void> add(Sql sql, List<Message> messages) {
    ColumnArrays rows = RECORD.rows(messages.size());
    messages.forEach(
        message ->
            rows.add(
                message.topic(),
                message.key(),
                message.eventId(),
                message.eventType(),
                message.planId(),
                message.metric(),
                message.payload(),
                message.createdAt()));
    return sql.write(INSERT, rows).replaceWithVoid();
  }

  private static final ColumnArrays.Shape RECORD =
      ColumnArrays.Shape.of(
          Type.TEXT.of("topic"),
          Type.TEXT.of("record_key"),
          Type.TEXT.of("event_id"),
          Type.TEXT.of("event_type"),
          Type.TEXT.of("plan_id"),
          Type.TEXT.of("metric"),
          Type.TEXT.of("payload"),
          Type.TIMESTAMPTZ.of("created_at"));

  private static final String INSERT = RECORD.insertInto("outbox") + " order by r.ord";

  /** The oldest pending records; only the relay that holds the lead reads them. */
  public Uni<List<Entry>> pending(Sql sql, int limit) {
    return sql.list(
        """
                select id, topic, record_key, event_id, event_type, plan_id, metric, payload,
                created_at from outbox order by id limit $1""",
        Tuple.of(limit),
        row ->
            new Entry(
                row.getLong(0),
                new Message(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    Sql.instant(row, 8))));
  }

  /** The number of records waiting. */
  public Uni<Long> count(Sql sql) {
    return sql.query("select count(*) from outbox").map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * @return how many of the records were still there
   */
  public Uni<Integer> remove(Sql sql, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return sql.query("delete from outbox where id = any($1)", Tuple.of(ids.toArray(Long[]::new)))
        .map(RowSet::rowCount);
  }
}
