package dev.slaservice.sla.rest;

import dev.slaservice.sla.persistence.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The policy catalog: plans, their priorities and clocks. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class PlansResource {

  private final CatalogService catalog;

  public PlansResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  public Uni<Page<CatalogViews.PlanView>> plans(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                               @Context HttpHeaders headers) {
    Locale locale = Messages.languageOf(headers);
    return catalog.plans().map(plans -> Page.byKey(plans.stream().map(p -> CatalogViews.plan(p, locale)).toList(),
        CatalogViews.PlanView::id, cursor, limit, 500));
  }

  @GET
  @Path("/{planId}")
  public Uni<CatalogViews.PlanView> plan(@PathParam("planId") String planId, @Context HttpHeaders headers) {
    QueryParams.id("planId", planId);
    Locale locale = Messages.languageOf(headers);
    return catalog.plan(planId).map(plan -> plan.map(p -> CatalogViews.plan(p, locale)).orElseThrow(() -> ProblemException.notFound("plan.not-found",
        planId)));
  }
}
