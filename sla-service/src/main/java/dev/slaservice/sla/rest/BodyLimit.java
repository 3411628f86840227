package dev.slaservice.sla.rest;

import dev.slaservice.sla.config.SlaConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Refuses a request whose declared body is over the documented limit with 413 problem+json, before
 * any of it is read. The HTTP server's own, higher limit stays as the last guard for bodies sent
 * without a length.
 */
@ApplicationScoped
public class BodyLimit {

  private final long maxBytes;

  public BodyLimit(SlaConfig config) {
    this.maxBytes = config.intake().maxBodyBytes();
  }

  void install(@Observes Router router) {
    router.route().order(-200).handler(this::check);
  }

  private void check(RoutingContext context) {
    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length <= maxBytes) {
      context.next();
      return;
    }
    Locale locale = Messages.languageOf(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    Problem problem = tooLarge(locale, length);
    context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(Json.encode(problem))
        .onComplete(sent -> context.request().connection().close());
  }

  /** The answer for a body of {@code length} bytes (-1 when unknown). */
  Problem tooLarge(Locale locale, long length) {
    return new ProblemException(
            Response.Status.REQUEST_ENTITY_TOO_LARGE, "request.too-large", maxBytes, length)
        .problem(locale);
  }

  /** For bodies that came without a length: refuses one that turned out too large. */
  void requireWithinLimit(String body) {
    if (body != null && body.length() > maxBytes) {
      throw new ProblemException(
          Response.Status.REQUEST_ENTITY_TOO_LARGE, "request.too-large", maxBytes, body.length());
    }
  }

  /** The same for a body taken as bytes. */
  void requireWithinLimit(byte[] body) {
    if (body.length > maxBytes) {
      throw new ProblemException(
          Response.Status.REQUEST_ENTITY_TOO_LARGE, "request.too-large", maxBytes, body.length);
    }
  }
}
