package dev.slaservice.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.OffsetDateTime;

/**
 * An event a helpdesk posts to the SLA service. Its JSON form is a flat object whose {@code type}
 * names the record, e.g. {@code {"type":"TicketOpened","ticketId":"T-1",...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TicketEvent.TicketOpened.class, name = "TicketOpened"),
  @JsonSubTypes.Type(value = TicketEvent.PriorityChanged.class, name = "PriorityChanged"),
  @JsonSubTypes.Type(value = TicketEvent.TicketDowngraded.class, name = "TicketDowngraded"),
  @JsonSubTypes.Type(value = TicketEvent.WorkStarted.class, name = "WorkStarted"),
  @JsonSubTypes.Type(value = TicketEvent.ServiceRestored.class, name = "ServiceRestored"),
  @JsonSubTypes.Type(value = TicketEvent.TicketResolved.class, name = "TicketResolved"),
  @JsonSubTypes.Type(value = TicketEvent.TicketReopened.class, name = "TicketReopened"),
  @JsonSubTypes.Type(value = TicketEvent.TicketClosed.class, name = "TicketClosed"),
  @JsonSubTypes.Type(value = TicketEvent.TicketPaused.class, name = "TicketPaused"),
  @JsonSubTypes.Type(value = TicketEvent.TicketResumed.class, name = "TicketResumed"),
  @JsonSubTypes.Type(value = TicketEvent.TicketExcluded.class, name = "TicketExcluded"),
  @JsonSubTypes.Type(value = TicketEvent.AgentReplied.class, name = "AgentReplied"),
  @JsonSubTypes.Type(value = TicketEvent.CustomerReplied.class, name = "CustomerReplied"),
  @JsonSubTypes.Type(value = CustomerEvent.SubscriptionChanged.class, name = "SubscriptionChanged"),
  @JsonSubTypes.Type(value = CustomerEvent.CompensationClaimed.class, name = "CompensationClaimed")
})
public sealed interface InboundEvent permits TicketEvent, CustomerEvent {

  /** Idempotency key: a repeat of the same id is accepted and has no second effect. */
  String eventId();

  /**
   * When it happened at the helpdesk (event time, not arrival time), with the offset it was sent
   * with.
   */
  OffsetDateTime occurredAt();

  /** Which helpdesk sent it. */
  String source();

  /** The Kafka key: the ticket for ticket events, the customer for customer events. */
  @JsonIgnore
  String partitionKey();

  @JsonIgnore
  default EventType eventType() {
    return EventType.of(getClass());
  }
}
