package dev.slaservice.sla.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventType;
import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.FieldKind;
import dev.slaservice.events.ReplyVisibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A valid event of each type, with every field set the way the contract accepts it, and the values
 * no field of a kind accepts: what {@link MalformedRequests} breaks events with, and a base for the
 * property tests of reading them.
 */
public final class EventSamples {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EventSamples() {}

  /** A valid event of the type, the base that one mutation then breaks. */
  public static ObjectNode valid(EventType type) {
    ObjectNode event = JSON.objectNode();
    event.put("type", type.wireName());
    type.fields().forEach((name, spec) -> event.set(name, validValue(name, spec.kind())));
    if (type.wireName().equals("TicketOpened")) {
      event.put("planId", "websoft9-premium");
      event.put("priority", "HIGH");
    }
    return event;
  }

  private static JsonNode validValue(String name, FieldKind kind) {
    return switch (kind) {
      case ID ->
          JSON.textNode(
              name.equals("eventId")
                  ? UUID.randomUUID().toString()
                  : name.equals("planId") ? "websoft9-premium" : "T-" + name);
      case PRIORITY -> JSON.textNode("HIGH");
      case TEXT -> JSON.textNode("desk");
      case INSTANT -> JSON.textNode("2026-11-02T09:30:00+08:00");
      case DATE -> JSON.textNode("2026-11-01");
      case MONTH -> JSON.textNode("2026-11");
      case MONEY -> JSON.textNode("1000.00");
      case CURRENCY -> JSON.textNode("USD");
      case ZONE -> JSON.textNode("Asia/Shanghai");
      case WINDOWS -> window("MONDAY", "09:00", "MONDAY", "18:00");
      case EXCLUSION_REASON -> JSON.textNode(ExclusionReason.values()[0].name());
      case VISIBILITY -> JSON.textNode(ReplyVisibility.PUBLIC.name());
    };
  }

  private static JsonNode window(String startDay, String startTime, String endDay, String endTime) {
    ObjectNode window =
        JSON.objectNode()
            .put("startDay", startDay)
            .put("startTime", startTime)
            .put("endDay", endDay)
            .put("endTime", endTime);
    return JSON.arrayNode().add(window);
  }

  /** Values no field of the kind accepts. */
  static Arbitrary<JsonNode> invalidValue(FieldKind kind, boolean required) {
    List<JsonNode> wrongTypes =
        new ArrayList<>(
            List.of(
                JSON.booleanNode(true),
                JSON.objectNode().put("nested", 1),
                JSON.numberNode(-1.5e300)));
    if (kind != FieldKind.MONEY) {
      // an amount may be a JSON number (not a negative one)
      wrongTypes.add(JSON.numberNode(42));
    }
    if (required) {
      wrongTypes.add(JSON.nullNode());
    }
    Arbitrary<JsonNode> wrongType = Arbitraries.of(wrongTypes);
    Arbitrary<JsonNode> specific =
        switch (kind) {
          case ID ->
              Arbitraries.oneOf(
                  texts("", " ", "a b", "T-\u0000", "T-\u001b[31m", "T-\t1"),
                  Arbitraries.strings()
                      .ofMinLength(129)
                      .ofMaxLength(20_000)
                      .alpha()
                      .map(JSON::textNode));
          case PRIORITY -> texts("", "P 1", "HIGH!", "最高", "x".repeat(65));
          case TEXT ->
              Arbitraries.oneOf(
                  texts("", "   ", "desk\u0000", "desk\n"),
                  Arbitraries.strings()
                      .ofMinLength(201)
                      .ofMaxLength(100_000)
                      .alpha()
                      .map(JSON::textNode));
          case INSTANT ->
              texts(
                  "yesterday",
                  "2026-13-01T00:00:00Z",
                  "1969-12-31T23:59:59Z",
                  "3000-01-01T00:00:00Z",
                  "+10000-01-01T00:00:00Z",
                  "-0001-01-01T00:00:00Z",
                  "2026-11-02T09:30:00",
                  "2026-02-30T10:00:00Z",
                  "+999999999-12-31T23:59:59Z",
                  "");
          case DATE -> texts("2026-02-30", "tomorrow", "20261101", "2026-11-01T00:00:00Z", "");
          case MONTH -> texts("2026-13", "2026/11", "11-2026", "");
          case MONEY -> texts("-1.00", "1.00001", "1e400", "abc", "9999999999999999.00", "NaN", "");
          case CURRENCY -> texts("XXXX", "EURO", "$", "");
          case ZONE -> texts("Mars/Olympus", "UTC+25", "", "../../etc/passwd");
          case WINDOWS ->
              Arbitraries.of(
                  JSON.arrayNode(),
                  window("FUNDAY", "09:00", "MONDAY", "18:00"),
                  window("MONDAY", "25:00", "MONDAY", "18:00"),
                  JSON.textNode("monday"),
                  manyWindows(51));
          case EXCLUSION_REASON -> texts("BECAUSE", "", "force_majeure ");
          case VISIBILITY -> texts("public", "PRIVATE", "", "PUBLIC ");
        };
    return Arbitraries.oneOf(wrongType, specific);
  }

  private static JsonNode manyWindows(int count) {
    var windows = JSON.arrayNode();
    for (int i = 0; i < count; i++) {
      windows.addAll((ArrayNode) window("MONDAY", "09:00", "MONDAY", "10:00"));
    }
    return windows;
  }

  private static Arbitrary<JsonNode> texts(String... values) {
    return Arbitraries.of(Arrays.stream(values).map(v -> (JsonNode) JSON.textNode(v)).toList());
  }

  static Arbitrary<EventType> types() {
    return Arbitraries.of(EventType.values());
  }
}
