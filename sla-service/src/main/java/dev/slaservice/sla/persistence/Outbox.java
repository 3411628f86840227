package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Integration events waiting to be published, written in the transaction that produced them. */
@ApplicationScoped
public class Outbox {

  /** One record to publish. */
  public record Entry(long id, String topic, String key, String eventId, String eventType, String payload,
                      Instant createdAt) {
    public static Entry pending(String topic, String key, String eventId, String eventType, String payload,
                                Instant createdAt) {
      return new Entry(0, topic, key, eventId, eventType, payload, createdAt);
    }
  }

  public Uni<Void> add(Mutiny.Session session, List<Entry> entries) {
    return SqlValues.inChunks(entries, chunk -> insert(session, chunk));
  }

  private Uni<Integer> insert(Mutiny.Session session, List<Entry> entries) {
    var query = session.createNativeQuery("insert into outbox (topic, record_key, event_id, event_type, payload,"
        + " created_at) values " + SqlValues.rows("(#, #, #, #, #, #)", entries.size()));
    int p = 1;
    for (Entry entry : entries) {
      query.setParameter(p++, entry.topic());
      query.setParameter(p++, entry.key());
      query.setParameter(p++, entry.eventId());
      query.setParameter(p++, entry.eventType());
      query.setParameter(p++, entry.payload());
      query.setParameter(p++, entry.createdAt().atOffset(ZoneOffset.UTC));
    }
    return query.executeUpdate();
  }

  /** The oldest pending records; only the relay that holds the lead reads them. */
  public Uni<List<Entry>> pending(Mutiny.Session session, int limit) {
    return session.createNativeQuery("select id, topic, record_key, event_id, event_type, payload, created_at"
            + " from outbox order by id limit :limit", Object[].class)
        .setParameter("limit", limit)
        .getResultList()
        .map(rows -> rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
            (String) r[3], (String) r[4], (String) r[5], SqlValues.instant(r[6]))).toList());
  }

  /** @return how many of the records were still there */
  public Uni<Integer> remove(Mutiny.Session session, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return session.createNativeQuery("delete from outbox where id in (:ids)")
        .setParameter("ids", ids).executeUpdate();
  }
}
