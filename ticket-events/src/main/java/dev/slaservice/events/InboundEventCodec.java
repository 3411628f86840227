package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and writes the JSON form of inbound events. Reading checks every field against {@link
 * EventType#fields()} first, so a refusal names each field that is wrong and what it must look
 * like, instead of a parser stack trace.
 */
public final class InboundEventCodec {

  private static final String TYPE = "type";

  private InboundEventCodec() {}

  /**
   * Validates one event's JSON object and builds it. A missing {@code eventId} is taken from {@code
   * eventIdSupplier}.
   *
   * @throws MalformedEventException with every violation found
   */
  public static InboundEvent read(JsonNode node, Supplier<String> eventIdSupplier) {
    if (node == null || !node.isObject()) {
      throw new MalformedEventException(List.of(new Violation("", "must be a JSON object")));
    }
    JsonNode typeNode = node.get(TYPE);
    if (typeNode == null || typeNode.isNull()) {
      throw new MalformedEventException(
          List.of(new Violation(TYPE, "is required; one of " + typeNames())));
    }
    Optional<EventType> type =
        typeNode.isTextual() ? EventType.fromWireName(typeNode.asText()) : Optional.empty();
    if (type.isEmpty()) {
      throw new MalformedEventException(
          List.of(
              new Violation(
                  TYPE,
                  "unknown event type "
                      + abbreviate(typeNode.toString())
                      + "; one of "
                      + typeNames())));
    }
    List<Violation> violations = violations(type.get(), node);
    if (!violations.isEmpty()) {
      throw new MalformedEventException(violations);
    }
    if (TicketEvent.class.isAssignableFrom(type.get().javaType())) {
      JsonNode id = node.get("eventId");
      return TicketEventFields.build(
          type.get(), node, id == null || id.isNull() ? eventIdSupplier.get() : id.textValue());
    }
    JsonNode complete = node;
    if (!node.hasNonNull("eventId")) {
      complete = ((ObjectNode) node).deepCopy().put("eventId", eventIdSupplier.get());
    }
    try {
      return EventJson.mapper().treeToValue(complete, InboundEvent.class);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          List.of(new Violation("", "cannot be read: " + e.getOriginalMessage())));
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(
          List.of(new Violation("", "cannot be read: " + e.getMessage())));
    }
  }

  /** Reads a record written by any producer; a record without an {@code eventId} is refused. */
  public static InboundEvent read(byte[] json) {
    JsonNode node;
    try {
      node = EventJson.mapper().readTree(json);
    } catch (IOException | RuntimeException e) {
      throw new MalformedEventException(List.of(new Violation("", "is not JSON")));
    }
    if (node != null && node.isObject() && !node.hasNonNull("eventId")) {
      throw new MalformedEventException(
          List.of(new Violation("eventId", "is required on the topic")));
    }
    return read(
        node,
        () -> {
          throw new IllegalStateException("eventId checked above");
        });
  }

  public static String write(InboundEvent event) {
    return EventJson.write(event, InboundEvent.class);
  }

  private static List<Violation> violations(EventType type, JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!TYPE.equals(name) && !type.fields().containsKey(name)) {
        violations.add(
            new Violation(
                abbreviate(name),
                "is not a field of "
                    + type.wireName()
                    + "; its fields are "
                    + String.join(", ", type.fields().keySet())));
      }
    }
    for (Map.Entry<String, EventType.FieldSpec> field : type.fields().entrySet()) {
      JsonNode value = node.get(field.getKey());
      EventType.FieldSpec spec = field.getValue();
      if (value == null || value.isNull()) {
        if (spec.required()) {
          violations.add(
              new Violation(
                  field.getKey(),
                  "is required for "
                      + type.wireName()
                      + "; expected "
                      + spec.kind().expectation()));
        }
      } else if (!valid(spec.kind(), value)) {
        violations.add(
            new Violation(
                field.getKey(),
                "expected " + spec.kind().expectation() + ", got " + abbreviate(value.toString())));
      }
    }
    return violations;
  }

  private static boolean valid(FieldKind kind, JsonNode value) {
    if (kind == FieldKind.WINDOWS) {
      return FieldKind.acceptsWindows(value);
    }
    if (value.isTextual()) {
      return kind.accepts(value.asText());
    }
    return kind.acceptsNumbers()
        && value.isNumber()
        && kind.accepts(value.decimalValue().toPlainString());
  }

  private static String typeNames() {
    return String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList());
  }

  /** Echoes input in messages without letting a huge or hostile value through whole. */
  static String abbreviate(String value) {
    String printable =
        value
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}
