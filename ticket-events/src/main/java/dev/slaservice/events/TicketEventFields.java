package dev.slaservice.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * Builds a ticket event from a JSON object whose fields {@link InboundEventCodec} has checked, by
 * hand rather than through the mapper's polymorphic record binding, which costs more than the check
 * on the intake's and the consumer's path alike. Every field of a checked ticket event is a JSON
 * string of a known shape, so each value is the one the mapper would bind (TicketEventFieldsTest
 * holds the two equal).
 */
final class TicketEventFields {

  private final JsonNode node;
  private final String eventId;

  private TicketEventFields(JsonNode node, String eventId) {
    this.node = node;
    this.eventId = eventId;
  }

  /** The event of {@code type}, a ticket event's type, whose id is {@code eventId}. */
  static TicketEvent build(EventType type, JsonNode node, String eventId) {
    return new TicketEventFields(node, eventId).build(type);
  }

  private TicketEvent build(EventType type) {
    String ticket = text("ticketId");
    OffsetDateTime at = time();
    String source = text("source");
    return switch (type) {
      case TICKET_OPENED ->
          new TicketEvent.TicketOpened(
              eventId, ticket, at, source, text("customerId"), text("planId"), text("priority"));
      case PRIORITY_CHANGED ->
          new TicketEvent.PriorityChanged(eventId, ticket, at, source, text("priority"));
      case TICKET_DOWNGRADED ->
          new TicketEvent.TicketDowngraded(eventId, ticket, at, source, text("priority"));
      case WORK_STARTED -> new TicketEvent.WorkStarted(eventId, ticket, at, source);
      case SERVICE_RESTORED -> new TicketEvent.ServiceRestored(eventId, ticket, at, source);
      case TICKET_RESOLVED -> new TicketEvent.TicketResolved(eventId, ticket, at, source);
      case TICKET_REOPENED -> new TicketEvent.TicketReopened(eventId, ticket, at, source);
      case TICKET_CLOSED -> new TicketEvent.TicketClosed(eventId, ticket, at, source);
      case TICKET_PAUSED -> new TicketEvent.TicketPaused(eventId, ticket, at, source);
      case TICKET_RESUMED -> new TicketEvent.TicketResumed(eventId, ticket, at, source);
      case TICKET_EXCLUDED ->
          new TicketEvent.TicketExcluded(
              eventId, ticket, at, source, ExclusionReason.valueOf(text("reason")));
      case AGENT_REPLIED ->
          new TicketEvent.AgentReplied(
              eventId, ticket, at, source, ReplyVisibility.valueOf(text("visibility")));
      case CUSTOMER_REPLIED -> new TicketEvent.CustomerReplied(eventId, ticket, at, source);
      case SUBSCRIPTION_CHANGED, COMPENSATION_CLAIMED ->
          throw new IllegalArgumentException("not a ticket event: " + type.wireName());
    };
  }

  /** A checked string field, or null when it is absent or null (an optional one). */
  private String text(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  private OffsetDateTime time() {
    String text = text("occurredAt");
    OffsetDateTime strict = IsoTimes.offsetDateTime(text);
    return strict != null ? strict : OffsetDateTime.parse(text);
  }
}
