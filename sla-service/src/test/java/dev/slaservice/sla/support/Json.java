package dev.slaservice.sla.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON in the service's own form (its mapper), for tests that build, read or compare it. */
public final class Json {

  private Json() {}

  public static JsonNode tree(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  public static String text(Object value) {
    try {
      return EventJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A fresh copy of the definition a built-in plan ships with, to change for a test. */
  public static ObjectNode builtInPlan(String planId) {
    try (InputStream in = Json.class.getResourceAsStream("/plans/" + planId + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no built-in plan " + planId);
      }
      return (ObjectNode) EventJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
