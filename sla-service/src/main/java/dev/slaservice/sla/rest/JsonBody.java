package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.EventJson;
import java.util.function.Function;

/** A request body read as one JSON document. */
final class JsonBody {

  private JsonBody() {}

  /**
   * The body as {@code type}: null for an empty body, and for text that is not such JSON the
   * problem {@code notJson} makes of the parser's message.
   */
  static <T> T read(String body, Class<T> type, Function<String, ProblemException> notJson) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return EventJson.mapper().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw notJson.apply(e.getOriginalMessage());
    }
  }
}
