package dev.slaservice.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * An event with the JSON it goes on the topic as: the text it was read and checked from when that
 * text is complete, so the event is not written as JSON a second time.
 *
 * @param json a JSON object that {@link InboundEventCodec#read(byte[])} reads as {@code event}
 */
public record CheckedEvent(InboundEvent event, String json) {

  /** An event made or changed after it was read: its JSON is written anew. */
  public static CheckedEvent written(InboundEvent event) {
    return new CheckedEvent(event, InboundEventCodec.write(event));
  }

  /**
   * The event read from {@code node}, whose text is {@code text}; a missing {@code eventId} is
   * taken from {@code eventIdSupplier}, and such an event is written anew with it.
   *
   * @throws MalformedEventException with every violation found
   */
  public static CheckedEvent read(JsonNode node, String text, Supplier<String> eventIdSupplier) {
    InboundEvent event = InboundEventCodec.read(node, eventIdSupplier);
    return node.hasNonNull("eventId") ? new CheckedEvent(event, text) : written(event);
  }
}
