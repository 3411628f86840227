package dev.slaservice.sla.rest;

import dev.slaservice.events.FieldKind;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.application.TicketQueries;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.domain.sla.TicketState;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.TicketList;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Ops read tickets here: lists by state, one ticket's clocks (now or as of an instant), history and
 * timeline.
 */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class TicketsResource {

  static final int MAX_TICKETS_PAGE = 500;
  static final int MAX_EVENTS_PAGE = 1000;

  private final TicketQueries queries;
  private final TicketList list;
  private final Clock clock;
  private final CustomerScope scope;

  public TicketsResource(TicketQueries queries, TicketList list, Clock clock, CustomerScope scope) {
    this.scope = scope;
    this.queries = queries;
    this.list = list;
    this.clock = clock;
  }

  @GET
  public Uni<Page<TicketViews.Summary>> tickets(
      @QueryParam("state") List<String> states,
      @QueryParam("customerId") String customerId,
      @QueryParam("planId") String planId,
      @QueryParam("priority") String priority,
      @QueryParam("metric") String metric,
      @QueryParam("dueBefore") String dueBefore,
      @QueryParam("dueAfter") String dueAfter,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit,
      @Context HttpHeaders headers) {
    TicketList.Filter filter =
        new TicketList.Filter(
            QueryParams.enumValues(TicketState.class, "state", states),
            scope.narrow(QueryParams.optional(FieldKind.ID, "customerId", customerId)),
            QueryParams.optional(FieldKind.ID, "planId", planId),
            QueryParams.optional(FieldKind.PRIORITY, "priority", priority),
            QueryParams.enumValue(Metric.class, "metric", metric),
            QueryParams.instant("dueBefore", dueBefore),
            QueryParams.instant("dueAfter", dueAfter));
    if (filter.dueBefore() != null
        && filter.dueAfter() != null
        && !filter.dueAfter().isBefore(filter.dueBefore())) {
      throw ProblemException.badRequest("query.range", filter.dueAfter(), filter.dueBefore());
    }
    String[] after = QueryParams.cursorParts(cursor, 2);
    TicketList.Cursor from =
        after == null
            ? null
            : new TicketList.Cursor(
                QueryParams.cursorInstant(after[0]), QueryParams.id("cursor", after[1]));
    int pageSize = QueryParams.limit(limit, MAX_TICKETS_PAGE);
    Locale locale = Messages.languageOf(headers);
    if (customerId != null && !scope.sees(QueryParams.text(customerId))) {
      return Uni.createFrom().item(new Page<>(List.of(), null));
    }
    return list.page(filter, from, pageSize, clock.instant())
        .map(
            entries ->
                new Page<>(
                    entries.stream().map(e -> TicketViews.Summary.of(e, locale)).toList(),
                    entries.size() < pageSize
                        ? null
                        : cursorAfter(entries.get(entries.size() - 1).cursor())));
  }

  private static String cursorAfter(TicketList.Cursor last) {
    return QueryParams.cursor(
        last.deadline() == null ? "" : last.deadline().toString(), last.ticketId());
  }

  @GET
  @Path("/{ticketId}")
  public Uni<TicketView> ticket(
      @PathParam("ticketId") String ticketId,
      @QueryParam("asOf") String asOf,
      @Context HttpHeaders headers) {
    QueryParams.id("ticketId", ticketId);
    Instant at = QueryParams.instant("asOf", asOf);
    Locale locale = Messages.languageOf(headers);
    Instant readingAt = at == null ? clock.instant() : at;
    Uni<Optional<TicketSla>> read =
        at == null ? queries.at(ticketId, readingAt) : queries.asOf(ticketId, at);
    return scope
        .requireTicket(ticketId)
        .chain(() -> read)
        .map(found -> opened(ticketId, found, TicketSla::opened))
        .map(sla -> TicketView.of(sla, readingAt, locale));
  }

  @GET
  @Path("/{ticketId}/timeline")
  public Uni<TicketViews.TimelineView> timeline(
      @PathParam("ticketId") String ticketId,
      @QueryParam("asOf") String asOf,
      @Context HttpHeaders headers) {
    QueryParams.id("ticketId", ticketId);
    Instant at =
        Optional.ofNullable(QueryParams.instant("asOf", asOf))
            .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Locale locale = Messages.languageOf(headers);
    return scope
        .requireTicket(ticketId)
        .chain(() -> queries.timeline(ticketId, at))
        .map(found -> opened(ticketId, found, t -> t.planId() != null))
        .map(timeline -> TicketViews.TimelineView.of(timeline, locale));
  }

  @GET
  @Path("/{ticketId}/events")
  public Uni<Page<TicketViews.EventView>> events(
      @PathParam("ticketId") String ticketId,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    QueryParams.id("ticketId", ticketId);
    String[] after = QueryParams.cursorParts(cursor, 2);
    EventStore.EventCursor from =
        after == null
            ? null
            : new EventStore.EventCursor(QueryParams.cursorInstant(after[0]), seq(after[1]));
    int pageSize = QueryParams.limit(limit, MAX_EVENTS_PAGE);
    return scope
        .requireTicket(ticketId)
        .chain(() -> queries.events(ticketId, from, pageSize))
        .map(
            events -> {
              if (events.isEmpty() && from == null) {
                throw ProblemException.notFound("ticket.not-found", ticketId);
              }
              EventStore.StoredEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
              return new Page<>(
                  events.stream().map(TicketViews.EventView::of).toList(),
                  events.size() < pageSize
                      ? null
                      : QueryParams.cursor(
                          last.occurredAt().toString(), Long.toString(last.seq())));
            });
  }

  private static long seq(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("query.bad-cursor");
    }
  }

  private static <T> T opened(String ticketId, Optional<T> found, Predicate<T> isOpened) {
    if (found.isEmpty()) {
      throw ProblemException.notFound("ticket.not-found", ticketId);
    }
    if (!isOpened.test(found.get())) {
      throw ProblemException.notFound("ticket.not-opened", ticketId);
    }
    return found.get();
  }
}
