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
  public record Entry(
      long id,
      String topic,
      String key,
      String eventId,
      String eventType,
      String planId,
      String metric,
      String payload,
      Instant createdAt) {
    public static Entry pending(
        String topic,
        String key,
        String eventId,
        String eventType,
        String planId,
        String metric,
        String payload,
        Instant createdAt) {
      return new Entry(0, topic, key, eventId, eventType, planId, metric, payload, createdAt);
    }
  }

  /**
   * Adds the entries in one statement, their ids in the order given (the relay publishes in id
   * order).
   */
  public Uni<Void> add(Mutiny.Session session, List<Entry> entries) {
    ColumnArrays columns = new ColumnArrays(8, entries.size());
    entries.forEach(
        entry ->
            columns.add(
                entry.topic(),
                entry.key(),
                entry.eventId(),
                entry.eventType(),
                entry.planId(),
                entry.metric(),
                entry.payload(),
                entry.createdAt()));
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
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                (String) r[5],
                                (String) r[6],
                                (String) r[7],
                                SqlTimestamps.instant(r[8])))
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
