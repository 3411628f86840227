package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.domain.policy.DefinedPlanVersion;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import dev.slaservice.sla.domain.policy.definition.PlanDefinitionWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Plan versions defined through the API (entities of plan_version). */
@ApplicationScoped
public class PlanStore {

  /** Grows with every version added and every version retired, so a reader knows when to reload. */
  public Uni<Long> changes(Mutiny.Session session) {
    return session
        .createSelectionQuery(
            "select count(*) + count(p.retiredAt) from PlanVersionRow p", Long.class)
        .getSingleResult();
  }

  public Uni<List<DefinedPlanVersion>> all(Mutiny.Session session) {
    return session
        .createSelectionQuery(
            "from PlanVersionRow p order by p.id, p.version", PlanVersionRow.class)
        .getResultList()
        .map(rows -> rows.stream().map(PlanStore::toDomain).toList());
  }

  public Uni<Void> add(Mutiny.Session session, DefinedPlanVersion version, Instant createdAt) {
    return session
        .persist(
            new PlanVersionRow(
                version.planId(),
                version.version(),
                version.effectiveFrom(),
                write(version.definition()),
                createdAt))
        .chain(session::flush);
  }

  /** Marks a version retired at {@code at}; false when there is no such stored version. */
  public Uni<Boolean> retire(Mutiny.Session session, String planId, int version, Instant at) {
    DefinitionVersionRow.Key key = new DefinitionVersionRow.Key(planId, version);
    return session
        .find(PlanVersionRow.class, key)
        .chain(
            row -> {
              if (row == null) {
                return Uni.createFrom().item(false);
              }
              if (row.retiredAt == null) {
                row.retiredAt = at;
              }
              return session.flush().replaceWith(true);
            });
  }

  private static DefinedPlanVersion toDomain(PlanVersionRow row) {
    // stored definitions were checked when they were put; calendars are never removed
    CheckedDefinition checked = CheckedDefinition.of(row.definition, calendarId -> true);
    if (!checked.valid()) {
      throw new IllegalStateException(
          "unreadable definition of plan "
              + row.id
              + " version "
              + row.version
              + ": "
              + checked.problems());
    }
    return new DefinedPlanVersion(
        row.id,
        row.version,
        row.effectiveFrom,
        checked.definition(),
        Optional.ofNullable(row.retiredAt));
  }

  private static String write(PlanDefinition definition) {
    try {
      return EventJson.mapper().writeValueAsString(PlanDefinitionWriter.write(definition));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
