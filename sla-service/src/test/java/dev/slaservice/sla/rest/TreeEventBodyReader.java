package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The intake's reading of a POST /events body before ADR 0019, kept as the reference the one-pass
 * {@link EventBody} must answer like: the whole body read as one tree, then each event checked from
 * its node.
 */
final class TreeEventBodyReader {

  private TreeEventBodyReader() {}

  /** The body's events as {@code checks} checks them, for a batch of at most {@code maxBatch}. */
  static List<CheckedEvent> read(
      EventBodyReader checks, int maxBatch, String body, Supplier<String> eventIds) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw ProblemException.badRequest("events.not-json", e.getOriginalMessage(), line, column);
    }
    if (root == null) {
      throw ProblemException.badRequest("events.empty", maxBatch);
    }
    boolean single = root.isObject();
    if (!single && !root.isArray()) {
      throw ProblemException.badRequest("events.not-object-or-array", maxBatch);
    }
    if (root.isArray() && (root.isEmpty() || root.size() > maxBatch)) {
      throw ProblemException.badRequest("events.batch-size", maxBatch, root.size());
    }
    List<EventBody.Element> elements = new ArrayList<>();
    root.forEach(node -> elements.add(new EventBody.Element(node, node.toString())));
    if (single) {
      elements.clear();
      elements.add(new EventBody.Element(root, root.toString()));
    }
    return checks.check(new EventBody(single, true, elements), eventIds);
  }
}
