package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a payload by JSON pointer and collects what is missing, for one 400 naming all of it. */
final class Payloads {

  private final JsonNode root;
  private final List<String> missing = new ArrayList<>();

  Payloads(JsonNode root) {
    this.root = root;
  }

  /** The text at {@code pointer} (numbers as their text), or null when absent or null. */
  String text(String pointer) {
    return text(root, pointer);
  }

  static String text(JsonNode node, String pointer) {
    JsonNode found = node.at(pointer);
    return found.isMissingNode() || found.isNull() || found.isContainerNode()
        ? null
        : found.asText();
  }

  JsonNode node(String pointer) {
    return root.at(pointer);
  }

  /** The text at {@code pointer}, noted as missing when absent. */
  String required(String pointer) {
    String value = text(pointer);
    if (value == null || value.isBlank()) {
      missing.add(pointer + " is missing");
    }
    return value;
  }

  /** An ISO-8601 date-time at {@code pointer}, noted as missing or wrong when it is not one. */
  OffsetDateTime requiredTime(String pointer) {
    String value = required(pointer);
    if (value == null) {
      return null;
    }
    OffsetDateTime time = time(value);
    if (time == null) {
      missing.add(pointer + " is not an ISO-8601 date-time: " + value);
    }
    return time;
  }

  static OffsetDateTime time(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Epoch milliseconds at {@code pointer} as a UTC date-time (Jira's {@code timestamp}). */
  OffsetDateTime requiredEpochMillis(String pointer) {
    JsonNode found = root.at(pointer);
    if (!found.canConvertToLong() || !found.isIntegralNumber()) {
      missing.add(pointer + (found.isMissingNode() ? " is missing" : " is not epoch milliseconds"));
      return null;
    }
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(found.asLong()), ZoneOffset.UTC);
  }

  void missing(String what) {
    missing.add(what);
  }

  boolean complete() {
    return missing.isEmpty();
  }

  WebhookResult.Malformed malformed() {
    return new WebhookResult.Malformed(missing);
  }
}
