package dev.slaservice.sla.rest;

import dev.slaservice.sla.messaging.KafkaUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, in the client's language. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final int retryAfterSeconds;

  public ProblemMappers(dev.slaservice.sla.config.SlaConfig config) {
    this.retryAfterSeconds = config.intake().retryAfterSeconds();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpHeaders headers) {
    return e.problem(Messages.languageOf(headers)).toResponse();
  }

  @ServerExceptionMapper
  public Response kafkaUnavailable(KafkaUnavailableException e, HttpHeaders headers) {
    LOG.warnf("refusing events: %s", e.getMessage());
    Problem problem = new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "events.kafka-unavailable",
        retryAfterSeconds).problem(Messages.languageOf(headers));
    return Response.fromResponse(problem.toResponse()).header("Retry-After", retryAfterSeconds).build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, HttpHeaders headers) {
    Locale locale = Messages.languageOf(headers);
    Response.StatusType status = e.getResponse().getStatusInfo();
    return Problem.of(status, "http.status", Messages.problem(locale, "http.status", e.getMessage()), locale, null)
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, HttpHeaders headers) {
    LOG.error("unexpected failure", e);
    return new ProblemException(Response.Status.INTERNAL_SERVER_ERROR, "unexpected")
        .problem(Messages.languageOf(headers)).toResponse();
  }
}
