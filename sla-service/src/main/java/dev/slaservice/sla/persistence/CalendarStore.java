package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Calendar versions created through the API. */
@ApplicationScoped
public class CalendarStore {

  public Uni<Long> count(Mutiny.Session session) {
    return session
        .createNativeQuery("select count(*) from calendar_version", Long.class)
        .getSingleResult();
  }

  public Uni<List<CalendarVersion>> all(Mutiny.Session session) {
    return session
        .createNativeQuery(
            """
                select calendar_id, version, effective_from, cast(definition as text)
                from calendar_version order by calendar_id, version""",
            Object[].class)
        .getResultList()
        .map(
            rows ->
                rows.stream()
                    .map(
                        row -> {
                          CalendarDefinition definition = read((String) row[3]);
                          String id = (String) row[0];
                          return new CalendarVersion(
                              id,
                              ((Number) row[1]).intValue(),
                              SqlTimestamps.instant(row[2]),
                              definition.toCalendar(id),
                              definition.followsCustomerZone());
                        })
                    .toList());
  }

  public Uni<Void> add(
      Mutiny.Session session,
      String calendarId,
      int version,
      Instant effectiveFrom,
      CalendarDefinition definition,
      Instant createdAt) {
    return session
        .createNativeQuery(
            """
                insert into calendar_version (calendar_id, version, effective_from,
                definition, created_at) values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb), ?5)""")
        .setParameter(1, calendarId)
        .setParameter(2, version)
        .setParameter(3, effectiveFrom.atOffset(ZoneOffset.UTC))
        .setParameter(4, write(definition))
        .setParameter(5, createdAt.atOffset(ZoneOffset.UTC))
        .executeUpdate()
        .replaceWithVoid();
  }

  private static CalendarDefinition read(String json) {
    try {
      return EventJson.mapper().readValue(json, CalendarDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "unreadable calendar definition: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(CalendarDefinition definition) {
    try {
      return EventJson.mapper().writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
