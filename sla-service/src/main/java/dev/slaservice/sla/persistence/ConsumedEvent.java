package dev.slaservice.sla.persistence;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;

/**
 * An event read from the ticket-events topic, with where it was read from.
 *
 * @param json what the event store keeps: the record's own bytes when they were read and checked
 *     unchanged, so that the event is not written as JSON again
 */
public record ConsumedEvent(InboundEvent event, String json, int partition, long offset) {

  /** An event that was changed after it was read, or made here: its JSON is written anew. */
  public static ConsumedEvent of(InboundEvent event, int partition, long offset) {
    return new ConsumedEvent(event, InboundEventCodec.write(event), partition, offset);
  }

  /**
   * For logs: the event id, its type and the ticket (or customer) it belongs to, and where it was
   * read.
   */
  public String describe() {
    return event.eventType().wireName()
        + " "
        + event.eventId()
        + " of "
        + event.partitionKey()
        + " at "
        + partition
        + "@"
        + offset;
  }
}
