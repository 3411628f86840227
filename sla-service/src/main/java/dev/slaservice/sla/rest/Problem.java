package dev.slaservice.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail, with the field errors that caused it.
 *
 * @param code a stable name of the kind of problem, for programs (the detail is for people)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String code,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One wrong field: which event of the request ({@code index}, null for a single event) and why.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(Integer index, String field, String message) {}

  static Problem of(
      Response.StatusType status,
      String code,
      String detail,
      Locale locale,
      List<FieldError> errors) {
    String title = Messages.title(locale, status.getStatusCode(), status.getReasonPhrase());
    return new Problem("about:blank", title, status.getStatusCode(), code, detail, null, errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
