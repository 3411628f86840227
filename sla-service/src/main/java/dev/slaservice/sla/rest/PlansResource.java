package dev.slaservice.sla.rest;

import dev.slaservice.sla.persistence.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The policy catalog: plans, their priorities and clocks. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {

  private final CatalogService catalog;

  public PlansResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  public Uni<List<CatalogViews.PlanView>> plans() {
    return catalog.plans().map(plans -> plans.stream().map(CatalogViews::plan).toList());
  }

  @GET
  @Path("/{planId}")
  public Uni<CatalogViews.PlanView> plan(@PathParam("planId") String planId) {
    return catalog.plan(planId).map(plan -> plan.map(CatalogViews::plan).orElseThrow(() -> ProblemException.notFound("plan.not-found",
        planId)));
  }
}
