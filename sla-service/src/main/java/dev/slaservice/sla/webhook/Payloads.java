package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a delivery, its payload by JSON pointer and its headers by name, and collects what is
 * missing, for one 400 naming all of it.
 */
final class Payloads {

  private final Delivery delivery;
  private final JsonNode root;
  private final List<String> missing = new ArrayList<>();

  Payloads(Delivery delivery) {
    this.delivery = delivery;
    this.root = delivery.payload();
  }

  /** The header's trimmed value, or null when absent or blank. */
  String header(String name) {
    return delivery.header(name);
  }

  /** The header's value, noted as missing when absent or blank. */
  String requiredHeader(String name) {
    String value = header(name);
    if (value == null) {
      missing.add("header " + name + " is missing");
    }
    return value;
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

  /**
   * Stops the mapping when something is missing: it cannot go on without it, and the entry that
   * began the mapping answers {@link #malformed()}.
   */
  void requireComplete() {
    if (!complete()) {
      throw new Incomplete();
    }
  }

  /** Unwinds a mapping to its entry; carries nothing, the payload holds what is missing. */
  static final class Incomplete extends RuntimeException {
    Incomplete() {
      super(null, null, false, false);
    }
  }

  WebhookResult.Malformed malformed() {
    return new WebhookResult.Malformed(missing);
  }
}
