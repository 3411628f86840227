package dev.slaservice.sla.rest;

import dev.slaservice.sla.application.CatalogService;
import dev.slaservice.sla.persistence.CalendarDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Business calendars: read them, define new versions, ask when a duration is due. */
@Path("/calendars")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class CalendarsResource {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Duration LONGEST = Duration.ofDays(3_650);

  /** A definition shown to a client whose body was not JSON. */
  private static final String EXAMPLE =
      "{\"zone\":\"Asia/Shanghai\",\"windows\":[{\"startDay\":\"MONDAY\",\"startTime\":\"09:00\","
          + "\"endDay\":\"MONDAY\",\"endTime\":\"18:00\"}],\"holidays\":[{\"date\":\"2026-10-01\"}]}";

  private final CatalogService catalog;
  private final CustomerScope scope;

  public CalendarsResource(CatalogService catalog, CustomerScope scope) {
    this.scope = scope;
    this.catalog = catalog;
  }

  @GET
  public Uni<Page<CatalogViews.CalendarView>> calendars(
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    return catalog
        .calendars()
        .map(
            all ->
                Page.byKey(
                    all.stream().map(CatalogViews::calendar).toList(),
                    CatalogViews.CalendarView::id,
                    cursor,
                    limit,
                    500));
  }

  @GET
  @Path("/{calendarId}")
  public Uni<CatalogViews.CalendarView> calendar(@PathParam("calendarId") String calendarId) {
    QueryParams.id("calendarId", calendarId);
    return catalog
        .calendar(calendarId)
        .map(
            versions -> {
              if (versions.isEmpty()) {
                throw notFound(calendarId);
              }
              return CatalogViews.calendar(versions);
            });
  }

  @PUT
  @Path("/{calendarId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Uni<Response> define(@PathParam("calendarId") String calendarId, String body) {
    scope.requireUnlimited();
    if (!ID.matcher(calendarId).matches()) {
      throw ProblemException.badRequest("calendar.bad-id");
    }
    CalendarDefinition definition = parse(body);
    try {
      return catalog
          .define(calendarId, definition)
          .chain(() -> catalog.calendar(calendarId))
          .map(
              versions ->
                  Response.status(
                          versions.size() == 1 ? Response.Status.CREATED : Response.Status.OK)
                      .entity(CatalogViews.calendar(versions))
                      .build());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw ProblemException.badRequest("calendar.invalid", e.getMessage());
    }
  }

  @GET
  @Path("/{calendarId}/due")
  public Uni<CatalogViews.DueView> due(
      @PathParam("calendarId") String calendarId,
      @QueryParam("start") String start,
      @QueryParam("duration") String duration) {
    QueryParams.id("calendarId", calendarId);
    Instant from = instant(start);
    Duration amount = duration(duration);
    return catalog
        .due(calendarId, from, amount)
        .map(
            due ->
                due.map(
                        d ->
                            new CatalogViews.DueView(
                                calendarId,
                                d.calendar().version(),
                                from.toString(),
                                amount.toString(),
                                d.due().toString()))
                    .orElseThrow(() -> notFound(calendarId)));
  }

  static CalendarDefinition parse(String body) {
    CalendarDefinition definition =
        JsonBody.read(
            body,
            CalendarDefinition.class,
            error -> ProblemException.badRequest("calendar.not-json", error, EXAMPLE));
    if (definition == null || definition.zone() == null) {
      throw ProblemException.badRequest("calendar.zone-required");
    }
    if (definition.windows().isEmpty()) {
      throw ProblemException.badRequest("calendar.no-windows");
    }
    if (definition.windows().stream()
        .anyMatch(
            w ->
                w.startDay() == null
                    || w.startTime() == null
                    || w.endDay() == null
                    || w.endTime() == null)) {
      throw ProblemException.badRequest("calendar.window-incomplete");
    }
    if (definition.holidays().stream().anyMatch(h -> h.date() == null)) {
      throw ProblemException.badRequest("calendar.holiday-without-date");
    }
    return definition;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (NullPointerException | DateTimeParseException e) {
      throw ProblemException.badRequest("due.bad-start");
    }
  }

  private static Duration duration(String text) {
    Duration amount;
    try {
      amount = Duration.parse(text);
    } catch (NullPointerException | DateTimeParseException e) {
      throw ProblemException.badRequest("due.bad-duration");
    }
    if (amount.isNegative() || amount.compareTo(LONGEST) > 0) {
      throw ProblemException.badRequest("due.duration-range");
    }
    return amount;
  }

  private static ProblemException notFound(String calendarId) {
    return ProblemException.notFound("calendar.not-found", calendarId);
  }
}
