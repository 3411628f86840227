package dev.slaservice.sla.rest;

import dev.slaservice.sla.persistence.ProjectionRebuild;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operations on the service's own state. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  /** What a rebuild did. */
  public record RebuildView(int tickets, int customers, long tookMillis) {
  }

  private final ProjectionRebuild rebuild;

  public AdminResource(ProjectionRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @POST
  @Path("/rebuild")
  public Uni<RebuildView> rebuild(@QueryParam("fromScratch") boolean fromScratch) {
    return rebuild.rebuild(fromScratch).map(r -> new RebuildView(r.tickets(), r.customers(), r.took().toMillis()));
  }
}
