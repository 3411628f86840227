package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the JSON Schema of every contract type: published events from their record components,
 * inbound events from the field specs their validation uses. The schema files shipped in the jar
 * must equal what this derives (see {@link JsonSchemasTest}), so they cannot drift from the types.
 */
final class ContractSchemas {

  static final String DIRECTORY = "src/main/resources/dev/slaservice/events/schemas";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Components written as null when they do not apply. */
  private static final Set<String> NULLABLE = Set.of("reason");

  private ContractSchemas() {}

  /** Every schema by type name, in a stable order. */
  static Map<String, ObjectNode> all() {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      schemas.put(type.wireName(), inbound(type));
    }
    for (Class<?> type : SlaEvent.class.getPermittedSubclasses()) {
      schemas.put(
          type.getSimpleName(),
          published(type, "Published on sla-breaches, sla-warnings or sla-clocks"));
    }
    for (Class<?> type : CompensationEvent.class.getPermittedSubclasses()) {
      schemas.put(type.getSimpleName(), published(type, "Published on sla-compensations"));
    }
    return schemas;
  }

  private static ObjectNode header(String name, String description) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("$id", "urn:sla-service:events:" + name);
    schema.put("title", name);
    schema.put("description", description);
    schema.put("type", "object");
    return schema;
  }

  static ObjectNode inbound(EventType type) {
    ObjectNode schema =
        header(type.wireName(), "Posted to POST /events and carried on ticket-events");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("const", type.wireName());
    ArrayNode required = JSON.arrayNode().add("type");
    type.fields()
        .forEach(
            (name, spec) -> {
              properties.set(name, kind(spec.kind()));
              if (spec.required()) {
                required.add(name);
              }
            });
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode kind(FieldKind kind) {
    ObjectNode node = JSON.objectNode();
    switch (kind) {
      case ID ->
          node.put("type", "string").put("pattern", "^[!-~]{1," + FieldKind.MAX_ID_LENGTH + "}$");
      case PRIORITY -> node.put("type", "string").put("pattern", "^[A-Za-z0-9_]{1,64}$");
      case TEXT -> node.put("type", "string").put("minLength", 1).put("maxLength", 200);
      case INSTANT -> node.put("type", "string").put("format", "date-time");
      case DATE -> node.put("type", "string").put("format", "date");
      case MONTH -> node.put("type", "string").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$");
      case MONEY -> {
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "string").put("pattern", "^[0-9]{1,15}(\\.[0-9]{1,4})?$");
        oneOf.addObject().put("type", "number").put("minimum", 0);
      }
      case CURRENCY -> node.put("type", "string").put("pattern", "^[A-Z]{3}$");
      case ZONE ->
          node.put("type", "string").put("description", "An IANA time zone, e.g. Asia/Shanghai");
      case WINDOWS -> {
        node.put("type", "array").put("minItems", 1).put("maxItems", 50);
        ObjectNode window = node.putObject("items").put("type", "object");
        ObjectNode properties = window.putObject("properties");
        for (String day : List.of("startDay", "endDay")) {
          ArrayNode days = properties.putObject(day).put("type", "string").putArray("enum");
          Arrays.stream(DayOfWeek.values()).forEach(d -> days.add(d.name()));
        }
        for (String time : List.of("startTime", "endTime")) {
          properties
              .putObject(time)
              .put("type", "string")
              .put("pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$");
        }
        window.putArray("required").add("startDay").add("startTime").add("endDay").add("endTime");
        window.put("additionalProperties", false);
      }
      case EXCLUSION_REASON -> {
        ArrayNode values = node.put("type", "string").putArray("enum");
        Arrays.stream(ExclusionReason.values()).forEach(r -> values.add(r.name()));
      }
      case VISIBILITY -> {
        ArrayNode values = node.put("type", "string").putArray("enum");
        Arrays.stream(ReplyVisibility.values()).forEach(v -> values.add(v.name()));
      }
    }
    return node;
  }

  static ObjectNode published(Class<?> type, String description) {
    ObjectNode schema = header(type.getSimpleName(), description);
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("const", type.getSimpleName());
    ArrayNode required = JSON.arrayNode().add("type");
    for (RecordComponent component : type.getRecordComponents()) {
      ObjectNode property = component(component);
      if (NULLABLE.contains(component.getName())) {
        property.set("type", JSON.arrayNode().add(property.get("type").asText()).add("null"));
      }
      properties.set(component.getName(), property);
      required.add(component.getName());
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode component(RecordComponent component) {
    Class<?> type = component.getType();
    ObjectNode node = JSON.objectNode();
    if (type == String.class) {
      node.put("type", "string");
    } else if (type == Instant.class) {
      node.put("type", "string").put("format", "date-time");
    } else if (type == Duration.class) {
      node.put("type", "string").put("format", "duration");
    } else if (type == YearMonth.class) {
      node.put("type", "string").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$");
    } else if (type == int.class || type == Integer.class) {
      node.put("type", "integer");
    } else if (type == boolean.class) {
      node.put("type", "boolean");
    } else if (type == BigDecimal.class) {
      node.put("type", "number");
    } else if (type.isEnum()) {
      ArrayNode values = node.put("type", "string").putArray("enum");
      Arrays.stream(type.getEnumConstants()).forEach(v -> values.add(((Enum<?>) v).name()));
    } else if (type == List.class
        && ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
            == String.class) {
      node.put("type", "array").putObject("items").put("type", "string");
    } else {
      throw new IllegalStateException("no schema for " + component);
    }
    return node;
  }

  static String text(JsonNode schema) {
    try {
      return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
