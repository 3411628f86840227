package dev.slaservice.sla.rest;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.messaging.KafkaUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, in the client's language. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final int retryAfterSeconds;
  private final SecurityIdentity identity;

  public ProblemMappers(SlaConfig config, SecurityIdentity identity) {
    this.identity = identity;
    this.retryAfterSeconds = config.intake().retryAfterSeconds();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpHeaders headers) {
    return e.problem(Messages.languageOf(headers)).toResponse();
  }

  @ServerExceptionMapper
  public Response kafkaUnavailable(KafkaUnavailableException e, HttpHeaders headers) {
    LOG.warnf("refusing events: %s", e.getMessage());
    Problem problem =
        new ProblemException(
                Response.Status.SERVICE_UNAVAILABLE, "events.kafka-unavailable", retryAfterSeconds)
            .problem(Messages.languageOf(headers));
    return Response.fromResponse(problem.toResponse())
        .header("Retry-After", retryAfterSeconds)
        .build();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
    Problem problem =
        new ProblemException(Response.Status.UNAUTHORIZED, "auth.unauthenticated")
            .problem(Messages.languageOf(headers));
    return Response.fromResponse(problem.toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpHeaders headers, ResourceInfo resource) {
    RolesAllowed needed =
        resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (needed == null && resource.getResourceClass() != null) {
      needed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    String roles = needed == null ? "-" : String.join(" / ", needed.value());
    String held =
        identity.getRoles().isEmpty() ? "-" : String.join(", ", new TreeSet<>(identity.getRoles()));
    return new ProblemException(Response.Status.FORBIDDEN, "auth.forbidden", roles, held)
        .problem(Messages.languageOf(headers))
        .toResponse();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, HttpHeaders headers) {
    Locale locale = Messages.languageOf(headers);
    Response.StatusType status = e.getResponse().getStatusInfo();
    return Problem.of(
            status,
            "http.status",
            Messages.problem(locale, "http.status", e.getMessage()),
            locale,
            null)
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, HttpHeaders headers) {
    LOG.error("unexpected failure", e);
    return new ProblemException(Response.Status.INTERNAL_SERVER_ERROR, "unexpected")
        .problem(Messages.languageOf(headers))
        .toResponse();
  }
}
