package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Calendar versions created through the API (entities of calendar_version). */
@ApplicationScoped
public class CalendarStore {

  public Uni<Long> count(Mutiny.Session session) {
    return session
        .createSelectionQuery("select count(*) from CalendarVersionRow", Long.class)
        .getSingleResult();
  }

  public Uni<List<CalendarVersion>> all(Mutiny.Session session) {
    return session
        .createSelectionQuery(
            "from CalendarVersionRow c order by c.id, c.version", CalendarVersionRow.class)
        .getResultList()
        .map(rows -> rows.stream().map(CalendarStore::toDomain).toList());
  }

  private static CalendarVersion toDomain(CalendarVersionRow row) {
    CalendarDefinition definition = read(row.definition);
    return new CalendarVersion(
        row.id,
        row.version,
        row.effectiveFrom,
        definition.toCalendar(row.id),
        definition.followsCustomerZone());
  }

  public Uni<Void> add(
      Mutiny.Session session,
      String calendarId,
      int version,
      Instant effectiveFrom,
      CalendarDefinition definition,
      Instant createdAt) {
    return session
        .persist(
            new CalendarVersionRow(
                calendarId, version, effectiveFrom, write(definition), createdAt))
        .chain(session::flush);
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
