package dev.slaservice.sla.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.DefinedPlanVersion;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.VersionedCatalog;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import dev.slaservice.sla.domain.policy.definition.DefinitionProblem;
import dev.slaservice.sla.persistence.CalendarDefinition;
import dev.slaservice.sla.persistence.CalendarStore;
import dev.slaservice.sla.persistence.CatalogLock;
import dev.slaservice.sla.persistence.PlanStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads the policy catalog and adds calendar and plan versions. */
@ApplicationScoped
public class CatalogService {

  /** A due instant and the calendar version that gave it. */
  public record Due(CalendarVersion calendar, Instant due) {}

  /** What became of a plan definition put: a new version, or the problems that kept it out. */
  public sealed interface PlanChange {
    record Added(Plan plan) implements PlanChange {}

    record Refused(List<DefinitionProblem> problems) implements PlanChange {}
  }

  /**
   * What became of a retirement: done (or done before), unknown version, or a version that is not
   * stored.
   */
  public enum Retirement {
    RETIRED,
    NOT_FOUND,
    BUILT_IN
  }

  private final Mutiny.SessionFactory sessions;
  private final CatalogLock catalogLock;
  private final CatalogHolder holder;
  private final CalendarStore calendars;
  private final PlanStore plans;
  private final Clock clock;

  public CatalogService(
      Mutiny.SessionFactory sessions,
      CatalogHolder holder,
      CalendarStore calendars,
      PlanStore plans,
      CatalogLock catalogLock,
      Clock clock) {
    this.sessions = sessions;
    this.catalogLock = catalogLock;
    this.holder = holder;
    this.calendars = calendars;
    this.plans = plans;
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

  /** A version of a plan: the one asked for, or without {@code version} the one in force now. */
  public Uni<Optional<Plan>> planVersion(String planId, Integer version) {
    Instant now = clock.instant();
    return current()
        .map(
            s ->
                version == null
                    ? s.catalog().planAt(planId, now)
                    : s.catalog().planVersions(planId).stream()
                        .filter(p -> p.version() == version)
                        .findFirst());
  }

  /** Each calendar's versions, oldest first. */
  public Uni<List<List<CalendarVersion>>> calendars() {
    return current()
        .map(
            s ->
                s.catalog().calendarIds().stream()
                    .map(id -> s.catalog().calendarVersions(id))
                    .toList());
  }

  public Uni<List<CalendarVersion>> calendar(String calendarId) {
    return current().map(s -> s.catalog().calendarVersions(calendarId));
  }

  /**
   * When {@code duration} of business time from {@code start} is used up, by the version in force
   * at {@code start}.
   */
  public Uni<Optional<Due>> due(String calendarId, Instant start, Duration duration) {
    return current()
        .map(
            s ->
                s.catalog()
                    .calendarAt(calendarId, start)
                    .map(
                        version ->
                            new Due(version, version.calendar().addBusinessTime(start, duration))));
  }

  /**
   * Adds a version that takes effect now. Tickets opened earlier keep the version they were opened
   * under. @throws IllegalArgumentException when the definition is not a valid calendar
   */
  public Uni<CalendarVersion> define(String calendarId, CalendarDefinition definition) {
    if (AlwaysOpenCalendar.ID.equals(calendarId)) {
      throw new IllegalArgumentException(
          "24x7 is always open and cannot be changed; define a calendar under another id");
    }
    var calendar = definition.toCalendar(calendarId);
    Instant now = clock.instant();
    return sessions.withTransaction(
        (session, tx) ->
            lockedRefresh(session)
                .chain(
                    snapshot -> {
                      int version = snapshot.catalog().nextVersion(calendarId);
                      return calendars
                          .add(session, calendarId, version, now, definition, now)
                          .replaceWith(
                              new CalendarVersion(
                                  calendarId,
                                  version,
                                  now,
                                  calendar,
                                  definition.followsCustomerZone()));
                    }));
  }

  /**
   * Checks a definition in full against the calendars defined now and stores it as the plan's next
   * version (its first if the plan is new), in force from {@code effectiveFrom} (now if empty;
   * never in the past).
   */
  public Uni<PlanChange> definePlan(
      String planId, JsonNode definition, Optional<Instant> effectiveFrom) {
    Instant now = clock.instant();
    Instant from = effectiveFrom.orElse(now);
    if (from.isBefore(now)) {
      return Uni.createFrom()
          .item(
              new PlanChange.Refused(
                  List.of(
                      new DefinitionProblem(
                          "$.effectiveFrom",
                          "must not lie in the past (now is "
                              + now
                              + "); a version changes only what comes after it"))));
    }
    return sessions
        .<PlanChange>withTransaction(
            (session, tx) ->
                lockedRefresh(session)
                    .chain(
                        snapshot -> {
                          VersionedCatalog catalog = snapshot.catalog();
                          CheckedDefinition checked =
                              CheckedDefinition.of(
                                  definition,
                                  calendarId -> !catalog.calendarVersions(calendarId).isEmpty());
                          if (!checked.valid()) {
                            return Uni.createFrom()
                                .item(new PlanChange.Refused(checked.problems()));
                          }
                          DefinedPlanVersion version =
                              new DefinedPlanVersion(
                                  planId,
                                  catalog.nextPlanVersion(planId),
                                  from,
                                  checked.definition(),
                                  Optional.empty());
                          return plans
                              .add(session, version, now)
                              .replaceWith(
                                  new PlanChange.Added(
                                      checked
                                          .definition()
                                          .toPlan(
                                              planId,
                                              version.version(),
                                              from,
                                              calendarId ->
                                                  catalog
                                                      .calendarAt(calendarId, from)
                                                      .map(CalendarVersion::calendar))));
                        }))
        .call(this::current);
  }

  /** From now on no new ticket opens on this version; tickets already open on it keep it. */
  public Uni<Retirement> retirePlan(String planId, int version) {
    Instant now = clock.instant();
    return sessions
        .<Retirement>withTransaction(
            (session, tx) ->
                lockedRefresh(session)
                    .chain(
                        snapshot ->
                            plans
                                .retire(session, planId, version, now)
                                .map(
                                    found -> {
                                      if (found) {
                                        return Retirement.RETIRED;
                                      }
                                      boolean exists =
                                          snapshot.catalog().planVersions(planId).stream()
                                              .anyMatch(p -> p.version() == version);
                                      return exists ? Retirement.BUILT_IN : Retirement.NOT_FOUND;
                                    })))
        .call(this::current);
  }

  /**
   * Catalog changes take turns: each computes its version number from the catalog it reads, so two
   * at once would both take the same number and the second would fail on the key.
   */
  private Uni<CatalogHolder.Snapshot> lockedRefresh(Mutiny.Session session) {
    return catalogLock.take(session).chain(() -> holder.refresh(session));
  }
}
