package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.ExclusionReason;
import dev.slaservice.sla.domain.compensation.Claim;
import dev.slaservice.sla.domain.compensation.CompensationProjector;
import dev.slaservice.sla.domain.compensation.CustomerTicket;
import dev.slaservice.sla.domain.sla.SlaFact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** What compensation reads (a customer's tickets and claims) and what it tells billing per month. */
@ApplicationScoped
public class CompensationStore {

  /** Serialises compensation work per customer across transactions and instances. */
  public Uni<Void> lockCustomer(Mutiny.Session session, String customerId) {
    return session.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) locked", Integer.class)
        .setParameter(1, "compensation:" + customerId).getSingleResult().replaceWithVoid();
  }

  public Uni<List<CustomerTicket>> tickets(Mutiny.Session session, String customerId) {
    return session.createNativeQuery("select ticket_id, opened_at, excluded_reason, cast(published as text)"
            + " from ticket_projection where customer_id = :customer and opened order by ticket_id", Object[].class)
        .setParameter("customer", customerId)
        .getResultList()
        .map(rows -> rows.stream().map(row -> new CustomerTicket((String) row[0], SqlValues.instant(row[1]),
            ProjectionStore.readFacts((String) row[3]).stream().filter(SlaFact.Breach.class::isInstance)
                .map(SlaFact.Breach.class::cast).toList(),
            Optional.ofNullable((String) row[2]).map(ExclusionReason::valueOf))).toList());
  }

  public Uni<List<Claim>> claims(Mutiny.Session session, String customerId) {
    return session.createNativeQuery("select cast(payload as text) from event_store where customer_id = :customer"
            + " and event_type = 'CompensationClaimed' order by seq", String.class)
        .setParameter("customer", customerId)
        .getResultList()
        .map(rows -> rows.stream().map(json -> (CustomerEvent.CompensationClaimed) EventStore.parse(json))
            .map(c -> new Claim(c.month(), c.occurredAt().toInstant())).toList());
  }

  /** Locks and returns what was published for each of the customer's months. */
  public Uni<Map<YearMonth, CompensationProjector.Published>> published(Mutiny.Session session, String customerId) {
    return session.createNativeQuery("select month, cast(published as text) from compensation_month"
            + " where customer_id = :customer for update", Object[].class)
        .setParameter("customer", customerId)
        .getResultList()
        .map(rows -> {
          Map<YearMonth, CompensationProjector.Published> published = new HashMap<>();
          for (Object[] row : rows) {
            published.put(YearMonth.parse((String) row[0]), read((String) row[1]));
          }
          return published;
        });
  }

  public Uni<Void> save(Mutiny.Session session, String customerId, YearMonth month,
                        CompensationProjector.Published published, Instant now) {
    return session.createNativeQuery("insert into compensation_month (customer_id, month, published, updated_at)"
            + " values (?1, ?2, cast(cast(?3 as text) as jsonb), ?4) on conflict (customer_id, month) do update"
            + " set published = excluded.published, updated_at = excluded.updated_at")
        .setParameter(1, customerId)
        .setParameter(2, month.toString())
        .setParameter(3, write(published))
        .setParameter(4, now.atOffset(ZoneOffset.UTC))
        .executeUpdate().replaceWithVoid();
  }

  private static CompensationProjector.Published read(String json) {
    try {
      return EventJson.mapper().readValue(json, CompensationProjector.Published.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable compensation state: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(CompensationProjector.Published published) {
    try {
      return EventJson.mapper().writeValueAsString(published);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
