package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

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
  public Uni<Void> add(Mutiny.Session session, List<Message> messages) {
    ColumnArrays columns = new ColumnArrays(8, messages.size());
    messages.forEach(
        message ->
            columns.add(
                message.topic(),
                message.key(),
                message.eventId(),
                message.eventType(),
                message.planId(),
                message.metric(),
                message.payload(),
                message.createdAt()));
    return columns.write(
        session,
        """
            insert into outbox (topic, record_key, event_id, event_type, plan_id, metric, payload,
            created_at) select topic, record_key, event_id, event_type, plan_id, metric, payload,
            cast(created_at as timestamptz) from\s"""
            + ColumnArrays.unnest(
                "topic",
                "record_key",
                "event_id",
                "event_type",
                "plan_id",
                "metric",
                "payload",
                "created_at")
            + " order by r.ord");
  }

  /** The oldest pending records; only the relay that holds the lead reads them. */
  public Uni<List<Entry>> pending(Mutiny.Session session, int limit) {
    return session
        .createNativeQuery(
            """
                select id, topic, record_key, event_id, event_type, plan_id, metric, payload,
                created_at from outbox order by id limit :limit""",
            Object[].class)
        .setParameter("limit", limit)
        .getResultList()
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Entry(
                                ((Number) r[0]).longValue(),
                                new Message(
                                    (String) r[1],
                                    (String) r[2],
                                    (String) r[3],
                                    (String) r[4],
                                    (String) r[5],
                                    (String) r[6],
                                    (String) r[7],
                                    SqlTimestamps.instant(r[8]))))
                    .toList());
  }

  /**
   * @return how many of the records were still there
   */
  public Uni<Integer> remove(Mutiny.Session session, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return session
        .createNativeQuery("delete from outbox where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
  }
}
