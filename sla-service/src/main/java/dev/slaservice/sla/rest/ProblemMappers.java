package dev.slaservice.sla.rest;

import dev.slaservice.sla.messaging.KafkaUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final int retryAfterSeconds;

  public ProblemMappers(dev.slaservice.sla.config.SlaConfig config) {
    this.retryAfterSeconds = config.intake().retryAfterSeconds();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().toResponse();
  }

  @ServerExceptionMapper
  public Response kafkaUnavailable(KafkaUnavailableException e) {
    LOG.warnf("refusing events: %s", e.getMessage());
    return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
            "Kafka cannot take events right now, so none of this request was accepted; retry in "
                + retryAfterSeconds + " s with the same eventIds").toResponse())
        .header("Retry-After", retryAfterSeconds).build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
    int code = e.getResponse().getStatus();
    String title = status == null ? "HTTP " + code : status.getReasonPhrase();
    return new Problem("about:blank", title, code, e.getMessage(), null, null).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
        "the service failed unexpectedly; the failure is logged, please retry and report it if it persists")
        .toResponse();
  }
}
