package dev.slaservice.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, with the field errors that caused it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One wrong field: which event of the request ({@code index}, null for a single event) and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(Integer index, String field, String message) {
  }

  public static Problem of(Response.Status status, String detail) {
    return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
