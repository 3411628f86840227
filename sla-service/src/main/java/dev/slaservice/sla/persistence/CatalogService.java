package dev.slaservice.sla.persistence;

import dev.slaservice.sla.config.ServiceClock;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.Plan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads the policy catalog and adds calendar versions. */
@ApplicationScoped
public class CatalogService {

  /** A due instant and the calendar version that gave it. */
  public record Due(CalendarVersion calendar, Instant due) {
  }

  private final Mutiny.SessionFactory sessions;
  private final CatalogHolder holder;
  private final CalendarStore calendars;
  private final ServiceClock clock;

  public CatalogService(Mutiny.SessionFactory sessions, CatalogHolder holder, CalendarStore calendars,
                        ServiceClock clock) {
    this.sessions = sessions;
    this.holder = holder;
    this.calendars = calendars;
    this.clock = clock;
  }

  public Uni<CatalogHolder.Snapshot> current() {
    return sessions.withSession(holder::refresh);
  }

  public Uni<List<Plan>> plans() {
    return current().map(s -> List.copyOf(s.catalog().plans()));
  }

  public Uni<Optional<Plan>> plan(String planId) {
    return current().map(s -> s.catalog().plan(planId));
  }

  /** Each calendar's versions, oldest first. */
  public Uni<List<List<CalendarVersion>>> calendars() {
    return current().map(s -> s.catalog().calendarIds().stream().map(id -> s.catalog().calendarVersions(id)).toList());
  }

  public Uni<List<CalendarVersion>> calendar(String calendarId) {
    return current().map(s -> s.catalog().calendarVersions(calendarId));
  }

  /** When {@code duration} of business time from {@code start} is used up, by the version in force at {@code start}. */
  public Uni<Optional<Due>> due(String calendarId, Instant start, Duration duration) {
    return current().map(s -> s.catalog().calendarAt(calendarId, start)
        .map(version -> new Due(version, version.calendar().addBusinessTime(start, duration))));
  }

  /**
   * Adds a version that takes effect now. Tickets opened earlier keep the version they were opened
   * under. @throws IllegalArgumentException when the definition is not a valid calendar
   */
  public Uni<CalendarVersion> define(String calendarId, CalendarDefinition definition) {
    if (AlwaysOpenCalendar.ID.equals(calendarId)) {
      throw new IllegalArgumentException("24x7 is always open and cannot be changed; define a calendar under another id");
    }
    var calendar = definition.toCalendar(calendarId);
    Instant now = clock.now();
    return sessions.withTransaction((session, tx) -> holder.refresh(session).chain(snapshot -> {
      int version = snapshot.catalog().nextVersion(calendarId);
      return calendars.add(session, calendarId, version, now, definition, now)
          .replaceWith(new CalendarVersion(calendarId, version, now, calendar, definition.followsCustomerZone()));
    }));
  }
}
