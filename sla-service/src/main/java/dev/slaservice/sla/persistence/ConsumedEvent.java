package dev.slaservice.sla.persistence;

import dev.slaservice.events.InboundEvent;

/** An event read from the ticket-events topic, with where it was read from. */
public record ConsumedEvent(InboundEvent event, int partition, long offset) {
}
