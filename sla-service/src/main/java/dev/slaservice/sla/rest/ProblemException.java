package dev.slaservice.sla.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Ends a request with a problem+json answer. The message is a key of {@code i18n/problems} with its
 * arguments, written out in the client's language when the answer is made.
 */
public class ProblemException extends RuntimeException {

  private final Response.Status status;
  private final String key;
  private final transient Object[] args;
  private final transient List<Problem.FieldError> errors;

  public ProblemException(Response.Status status, String key, Object... args) {
    this(status, null, key, args);
  }

  public ProblemException(
      Response.Status status, List<Problem.FieldError> errors, String key, Object... args) {
    super(key, null, false, false);
    this.status = status;
    this.key = key;
    this.args = args.clone();
    this.errors = errors;
  }

  public static ProblemException notFound(String key, Object... args) {
    return new ProblemException(Response.Status.NOT_FOUND, key, args);
  }

  public static ProblemException badRequest(String key, Object... args) {
    return new ProblemException(Response.Status.BAD_REQUEST, key, args);
  }

  public Problem problem(Locale locale) {
    return Problem.of(status, key, Messages.problem(locale, key, args), locale, errors);
  }
}
