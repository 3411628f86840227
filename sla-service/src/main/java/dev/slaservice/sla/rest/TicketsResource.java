package dev.slaservice.sla.rest;

import dev.slaservice.sla.config.ServiceClock;
import dev.slaservice.sla.persistence.TicketQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Ops read a ticket's SLA clocks here. */
@Path("/tickets")
public class TicketsResource {

  private final TicketQueries queries;
  private final ServiceClock clock;

  public TicketsResource(TicketQueries queries, ServiceClock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GET
  @Path("/{ticketId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<TicketView> ticket(@PathParam("ticketId") String ticketId) {
    Instant now = clock.now();
    return queries.at(ticketId, now).map(found -> found
        .filter(sla -> sla.opened())
        .map(sla -> TicketView.of(sla, now))
        .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, found.isPresent()
            ? "ticket " + ticketId + " has events but no TicketOpened yet; its clocks start when that arrives"
            : "no ticket " + ticketId + " is known; post its TicketOpened to /events first"))));
  }
}
