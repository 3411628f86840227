package dev.slaservice.sla.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.FieldKind;
import dev.slaservice.sla.application.ProjectionRebuild;
import dev.slaservice.sla.application.WhatIfService;
import dev.slaservice.sla.domain.sla.WhatIf;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Operations on the service's own state: rebuilding the projection and asking what-if questions.
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  static final int MAX_WHAT_IF_PAGE = 2000;

  /** Where a draft plan definition sits in a what-if body: its problems' paths start here. */
  static final String DRAFT_PATH = "$.plan.definition";

  /** A rebuild run and its progress. */
  public record RebuildView(
      String id,
      boolean fromScratch,
      String status,
      String startedAt,
      String finishedAt,
      long ticketsTotal,
      long ticketsDone,
      long customersTotal,
      long customersDone,
      long tookMillis,
      String error) {

    static RebuildView of(ProjectionRebuild.Job job, Instant now) {
      ProjectionRebuild.Progress progress = job.progress();
      return new RebuildView(
          job.id(),
          job.fromScratch(),
          job.status().name(),
          TicketView.text(job.startedAt()),
          TicketView.text(job.finishedAt()),
          progress.ticketsTotal(),
          progress.ticketsDone(),
          progress.customersTotal(),
          progress.customersDone(),
          job.took(now).toMillis(),
          job.error());
    }
  }

  /** The body of POST /admin/what-if. */
  public record WhatIfRequest(
      String openedFrom,
      String openedTo,
      String customerId,
      String planId,
      AlternativePlan plan,
      AlternativeCalendar calendar) {}

  /**
   * Judge every selected ticket by this plan version (the newest when {@code version} is absent),
   * or by {@code definition}, a draft that is not stored (under {@code id}, or "draft").
   */
  public record AlternativePlan(String id, Integer version, JsonNode definition) {}

  /** Count every selected ticket's clocks on the calendar {@code id} in this definition instead. */
  public record AlternativeCalendar(String id, JsonNode definition) {}

  record BreachView(String metric, String metricName, String priority, String deadline) {}

  record OutcomeView(
      String ticketId,
      String customerId,
      String planId,
      String priority,
      List<BreachView> gained,
      List<BreachView> lost,
      List<BreachView> moved,
      String skipped) {}

  /**
   * One page of a what-if answer: only tickets whose breaches differ (or that could not be judged)
   * are listed.
   */
  record WhatIfView(
      String evaluatedAt,
      int examined,
      int changed,
      int breachesGained,
      int breachesLost,
      int breachesMoved,
      int skipped,
      List<OutcomeView> items,
      String nextCursor) {}

  private final ProjectionRebuild rebuild;
  private final WhatIfService whatIf;
  private final Clock clock;
  private final CustomerScope scope;

  public AdminResource(
      ProjectionRebuild rebuild, WhatIfService whatIf, Clock clock, CustomerScope scope) {
    this.scope = scope;
    this.rebuild = rebuild;
    this.whatIf = whatIf;
    this.clock = clock;
  }

  @POST
  @Path("/rebuild")
  public Response startRebuild(@QueryParam("fromScratch") boolean fromScratch) {
    scope.requireUnlimited();
    try {
      ProjectionRebuild.Job job = rebuild.start(fromScratch);
      return Response.accepted(RebuildView.of(job, clock.instant()))
          .location(URI.create("/admin/rebuild"))
          .build();
    } catch (ProjectionRebuild.AlreadyRunning e) {
      throw new ProblemException(
          Response.Status.CONFLICT, "rebuild.running", e.running().startedAt());
    }
  }

  @GET
  @Path("/rebuild")
  @RolesAllowed({Roles.OPS, Roles.ADMIN})
  public RebuildView rebuildProgress() {
    return rebuild
        .latest()
        .map(job -> RebuildView.of(job, clock.instant()))
        .orElseThrow(() -> ProblemException.notFound("rebuild.none"));
  }

  @POST
  @Path("/what-if")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<WhatIfView> whatIf(
      String body,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit,
      @Context HttpHeaders headers) {
    scope.requireUnlimited();
    WhatIfService.Question question = question(body);
    String[] after = QueryParams.cursorParts(cursor, 1);
    int pageSize = limit == null ? 500 : QueryParams.limit(limit, MAX_WHAT_IF_PAGE);
    Locale locale = Messages.languageOf(headers);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return whatIf
        .ask(question, after == null ? null : QueryParams.id("cursor", after[0]), pageSize, now)
        .onFailure(WhatIfService.UnknownAlternative.class)
        .transform(
            e -> {
              WhatIfService.UnknownAlternative unknown = (WhatIfService.UnknownAlternative) e;
              return ProblemException.notFound(unknown.key(), unknown.args());
            })
        .onFailure(WhatIfService.InvalidDraft.class)
        .transform(
            e -> PlansResource.invalid(((WhatIfService.InvalidDraft) e).problems(), DRAFT_PATH))
        .onFailure(IllegalArgumentException.class)
        .transform(e -> ProblemException.badRequest("calendar.invalid", e.getMessage()))
        .map(answer -> view(answer, now, locale));
  }

  private static WhatIfService.Question question(String body) {
    WhatIfRequest request =
        JsonBody.read(
            body,
            WhatIfRequest.class,
            error -> ProblemException.badRequest("whatif.not-json", error));
    if (request == null || request.openedFrom() == null || request.openedTo() == null) {
      throw ProblemException.badRequest("whatif.range-required");
    }
    Instant from = QueryParams.instant("openedFrom", request.openedFrom());
    Instant to = QueryParams.instant("openedTo", request.openedTo());
    if (!from.isBefore(to)) {
      throw ProblemException.badRequest("whatif.range-required");
    }
    JsonNode draft =
        request.plan() == null
                || request.plan().definition() == null
                || request.plan().definition().isNull()
            ? null
            : request.plan().definition();
    boolean hasPlan =
        request.plan() != null
            && (QueryParams.optional(FieldKind.ID, "plan.id", request.plan().id()) != null
                || draft != null);
    boolean hasCalendar =
        request.calendar() != null
            && QueryParams.optional(FieldKind.ID, "calendar.id", request.calendar().id()) != null;
    if (!hasPlan && !hasCalendar) {
      throw ProblemException.badRequest("whatif.alternative-required");
    }
    var definition =
        hasCalendar
            ? CalendarsResource.parse(
                request.calendar().definition() == null
                    ? null
                    : request.calendar().definition().toString())
            : null;
    return new WhatIfService.Question(
        from,
        to,
        QueryParams.optional(FieldKind.ID, "customerId", request.customerId()),
        QueryParams.optional(FieldKind.ID, "planId", request.planId()),
        hasPlan && request.plan().id() != null ? request.plan().id().trim() : null,
        hasPlan && draft == null ? request.plan().version() : null,
        draft,
        hasCalendar ? request.calendar().id().trim() : null,
        definition);
  }

  private static WhatIfView view(WhatIfService.Answer answer, Instant now, Locale locale) {
    List<WhatIf.Outcome> listed =
        answer.outcomes().stream().filter(o -> o.changed() || o.skipped() != null).toList();
    WhatIf.Summary summary = WhatIf.Summary.of(listed);
    return new WhatIfView(
        TicketView.text(now),
        answer.examined(),
        summary.changed(),
        summary.gained(),
        summary.lost(),
        summary.moved(),
        summary.skipped(),
        listed.stream()
            .map(
                o ->
                    new OutcomeView(
                        o.ticketId(),
                        o.customerId(),
                        o.planId(),
                        o.priority(),
                        breaches(o.gained(), locale),
                        breaches(o.lost(), locale),
                        breaches(o.moved(), locale),
                        o.skipped()))
            .toList(),
        answer.more() ? QueryParams.cursor(answer.lastTicket()) : null);
  }

  private static List<BreachView> breaches(List<WhatIf.Breach> breaches, Locale locale) {
    return breaches.stream()
        .map(
            b ->
                new BreachView(
                    b.metric().name(),
                    Names.metric(locale, b.metric()),
                    b.priority(),
                    TicketView.text(b.deadline())))
        .toList();
  }
}
