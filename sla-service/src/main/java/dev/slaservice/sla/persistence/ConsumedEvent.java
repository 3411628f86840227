package dev.slaservice.sla.persistence;

import dev.slaservice.events.InboundEvent;

/** An event read from the ticket-events topic, with where it was read from. */
public record ConsumedEvent(InboundEvent event, int partition, long offset) {

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
