package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.application.CatalogHolder;
import dev.slaservice.sla.application.CatalogService;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.definition.DefinitionProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The policy catalog: plans, their priorities and clocks; admins define plans and add versions. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class PlansResource {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final String EFFECTIVE_FROM = "effectiveFrom";

  private final CatalogService catalog;
  private final CatalogHolder holder;
  private final CustomerScope scope;

  public PlansResource(CatalogService catalog, CatalogHolder holder, CustomerScope scope) {
    this.catalog = catalog;
    this.holder = holder;
    this.scope = scope;
  }

  @GET
  public Uni<Page<CatalogViews.PlanView>> plans(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit,
      @Context HttpHeaders headers) {
    Locale locale = Messages.languageOf(headers);
    return catalog
        .current()
        .map(
            snapshot ->
                Page.byKey(
                    snapshot.catalog().plans().stream()
                        .map(p -> CatalogViews.plan(p, locale, snapshot.catalog()))
                        .toList(),
                    CatalogViews.PlanView::id,
                    cursor,
                    limit,
                    500));
  }

  /** The version in force now, or with {@code version} any version. */
  @GET
  @Path("/{planId}")
  public Uni<CatalogViews.PlanView> plan(
      @PathParam("planId") String planId,
      @QueryParam("version") Integer version,
      @Context HttpHeaders headers) {
    QueryParams.id("planId", planId);
    Locale locale = Messages.languageOf(headers);
    return catalog
        .planVersion(planId, version)
        .map(plan -> view(plan.orElseThrow(() -> notFound(planId, version)), locale));
  }

  @PUT
  @Path("/{planId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Uni<Response> define(
      @PathParam("planId") String planId, String body, @Context HttpHeaders headers) {
    scope.requireUnlimited();
    if (!ID.matcher(planId).matches()) {
      throw ProblemException.badRequest("plan.bad-id");
    }
    JsonNode definition = tree(body);
    Optional<Instant> effectiveFrom = effectiveFrom(definition);
    Locale locale = Messages.languageOf(headers);
    return catalog
        .definePlan(planId, definition, effectiveFrom)
        .map(
            change -> {
              if (change instanceof CatalogService.PlanChange.Refused refused) {
                throw invalid(refused.problems());
              }
              Plan plan = ((CatalogService.PlanChange.Added) change).plan();
              return Response.status(
                      plan.version() == 1 ? Response.Status.CREATED : Response.Status.OK)
                  .entity(view(plan, locale))
                  .build();
            });
  }

  /** No new ticket opens on the version from now on; it is kept, never deleted. */
  @POST
  @Path("/{planId}/versions/{version}/retire")
  @RolesAllowed(Roles.ADMIN)
  public Uni<CatalogViews.PlanView> retire(
      @PathParam("planId") String planId,
      @PathParam("version") String number,
      @Context HttpHeaders headers) {
    scope.requireUnlimited();
    QueryParams.id("planId", planId);
    int version = versionNumber(number);
    Locale locale = Messages.languageOf(headers);
    return catalog
        .retirePlan(planId, version)
        .chain(
            retirement ->
                switch (retirement) {
                  case NOT_FOUND -> throw notFound(planId, version);
                  case BUILT_IN ->
                      throw ProblemException.badRequest("plan.built-in-version", planId, version);
                  case RETIRED ->
                      catalog
                          .planVersion(planId, version)
                          .map(plan -> view(plan.orElseThrow(), locale));
                });
  }

  private static int versionNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("plan.bad-version", text);
    }
  }

  private CatalogViews.PlanView view(Plan plan, Locale locale) {
    return CatalogViews.plan(plan, locale, holder.latest().catalog());
  }

  private static JsonNode tree(String body) {
    try {
      JsonNode tree = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
      if (tree == null || !tree.isObject()) {
        throw invalid(
            List.of(new DefinitionProblem("$", "must be a JSON object: a plan definition")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw invalid(List.of(new DefinitionProblem("$", "not JSON: " + e.getOriginalMessage())));
    }
  }

  /**
   * Takes {@code effectiveFrom} out of the body: it says when the version applies, not what it is.
   */
  private static Optional<Instant> effectiveFrom(JsonNode body) {
    JsonNode value = ((ObjectNode) body).remove(EFFECTIVE_FROM);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid(
          List.of(
              new DefinitionProblem(
                  "$." + EFFECTIVE_FROM,
                  "must be an ISO-8601 date-time with offset, e.g. 2027-01-01T00:00:00+08:00")));
    }
  }

  private static ProblemException invalid(List<DefinitionProblem> problems) {
    return invalid(problems, "$");
  }

  /** A 400 naming every problem of a definition found at JSON path {@code at} of the body. */
  static ProblemException invalid(List<DefinitionProblem> problems, String at) {
    List<Problem.FieldError> errors =
        problems.stream()
            .map(p -> new Problem.FieldError(null, at + p.path().substring(1), p.message()))
            .toList();
    Problem.FieldError first = errors.get(0);
    return new ProblemException(
        Response.Status.BAD_REQUEST,
        errors,
        "plan.invalid",
        errors.size(),
        first.field(),
        first.message());
  }

  private static ProblemException notFound(String planId, Integer version) {
    return version == null
        ? ProblemException.notFound("plan.not-found", planId)
        : ProblemException.notFound("plan.version-not-found", planId, version);
  }
}
