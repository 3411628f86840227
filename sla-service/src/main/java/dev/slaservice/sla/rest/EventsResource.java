package dev.slaservice.sla.rest;

import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.sla.messaging.TicketEventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Intake: helpdesks post ticket and customer events here. */
@Path("/events")
public class EventsResource {

  /** The answer to an accepted request: the ids of the events, in request order. */
  public record Accepted(List<String> eventIds) {}

  private final EventRequestReader reader;
  private final TicketEventPublisher publisher;
  private final CustomerScope scope;
  private final BodyLimit bodyLimit;

  public EventsResource(
      EventRequestReader reader,
      TicketEventPublisher publisher,
      CustomerScope scope,
      BodyLimit bodyLimit) {
    this.bodyLimit = bodyLimit;
    this.scope = scope;
    this.reader = reader;
    this.publisher = publisher;
  }

  @POST
  @RolesAllowed(Roles.HELPDESK)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> post(String body) {
    bodyLimit.requireWithinLimit(body);
    List<CheckedEvent> checked = reader.read(body);
    List<InboundEvent> events = checked.stream().map(CheckedEvent::event).toList();
    return scope
        .requireEvents(events)
        .chain(() -> reader.withPlans(checked))
        .chain(publisher::publish)
        .map(
            ignored ->
                Response.accepted(new Accepted(events.stream().map(InboundEvent::eventId).toList()))
                    .build());
  }
}
