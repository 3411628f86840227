package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.webhook.Connections;
import dev.slaservice.sla.webhook.Delivery;
import dev.slaservice.sla.webhook.HelpdeskConnection;
import dev.slaservice.sla.webhook.Signatures;
import dev.slaservice.sla.webhook.WebhookSource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Helpdesks post their own webhooks here, as they send them (docs/webhooks.md, ADR 0011). Not
 * behind the bearer token: each delivery is authenticated by its connection's signature (or, for
 * Jira, a bearer token of its own) before anything else, then mapped to lifecycle events that go
 * through the same validation, idempotency and Kafka path as POST /events.
 */
@Path("/webhooks")
@PermitAll
public class WebhooksResource {

  private static final Logger LOG = Logger.getLogger(WebhooksResource.class);

  private final Connections connections;
  private final WebhookIntake intake;
  private final Clock clock;
  private final BodyLimit bodyLimit;

  public WebhooksResource(
      Connections connections, WebhookIntake intake, Clock clock, BodyLimit bodyLimit) {
    this.connections = connections;
    this.intake = intake;
    this.clock = clock;
    this.bodyLimit = bodyLimit;
  }

  @POST
  @Path("/{source}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> post(
      @PathParam("source") String source, @Context HttpHeaders headers, byte[] body) {
    WebhookSource helpdesk = sourceNamed(source);
    List<HelpdeskConnection> candidates = connections.of(helpdesk);
    if (candidates.size() != 1) {
      throw ProblemException.notFound(
          "webhook.choose-connection",
          helpdesk.wireName(),
          candidates.size(),
          candidates.isEmpty()
              ? "-"
              : candidates.stream()
                  .map(HelpdeskConnection::name)
                  .collect(Collectors.joining(", ")));
    }
    return handle(candidates.get(0), headers, body);
  }

  @POST
  @Path("/{source}/{connection}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> postTo(
      @PathParam("source") String source,
      @PathParam("connection") String connection,
      @Context HttpHeaders headers,
      byte[] body) {
    WebhookSource helpdesk = sourceNamed(source);
    HelpdeskConnection named =
        connections
            .named(connection)
            .filter(c -> c.source() == helpdesk)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "webhook.unknown-connection", helpdesk.wireName(), connection));
    return handle(named, headers, body);
  }

  private static WebhookSource sourceNamed(String source) {
    return WebhookSource.fromWireName(source)
        .orElseThrow(() -> ProblemException.notFound("webhook.unknown-source", source));
  }

  private Uni<Response> handle(
      HelpdeskConnection connection, HttpHeaders httpHeaders, byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (raw.length > 0) {
      bodyLimit.requireWithinLimit(raw);
    }
    Map<String, String> headers = new HashMap<>();
    httpHeaders
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
    Optional<String> refused = Signatures.check(connection, headers, raw, clock.instant());
    if (refused.isPresent()) {
      // the reason names the header and what is wrong, never the secret or the expected value
      LOG.warnf("webhook delivery for connection %s refused: %s", connection.name(), refused.get());
      throw new ProblemException(
          Response.Status.UNAUTHORIZED,
          "webhook.unauthenticated",
          connection.name(),
          refused.get());
    }
    JsonNode payload;
    try {
      payload = EventJson.mapper().readTree(raw);
    } catch (IOException e) {
      String message =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw ProblemException.badRequest(
          "webhook.not-json", connection.source().wireName(), message);
    }
    if (payload == null || !payload.isObject()) {
      throw ProblemException.badRequest(
          "webhook.shape", connection.source().wireName(), "the body is not a JSON object");
    }
    return intake
        .take(new Delivery(connection, headers, payload))
        .map(answer -> Response.accepted(answer).build());
  }
}
