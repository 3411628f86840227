package dev.slaservice.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/** Lifecycle events of one ticket; all of a ticket's events share its Kafka partition. */
public sealed interface TicketEvent extends InboundEvent {

  String ticketId();

  @Override
  @JsonIgnore
  default String partitionKey() {
    return ticketId();
  }

  /** A ticket was opened under a plan, with one of that plan's priorities. */
  record TicketOpened(
      String eventId,
      String ticketId,
      OffsetDateTime occurredAt,
      String source,
      String customerId,
      String planId,
      String priority)
      implements TicketEvent {}

  /**
   * The customer or an agent re-rated the ticket; targets are recomputed from the ticket's start.
   */
  record PriorityChanged(
      String eventId, String ticketId, OffsetDateTime occurredAt, String source, String priority)
      implements TicketEvent {}

  /** The vendor reclassified a mis-rated ticket: judged as if it had always had this priority. */
  record TicketDowngraded(
      String eventId, String ticketId, OffsetDateTime occurredAt, String source, String priority)
      implements TicketEvent {}

  /** The "Work Started" status: meets the response target. */
  record WorkStarted(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  /** A workaround is in place: meets the restore target. */
  record ServiceRestored(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  /** The fault is fixed: meets the resolution target. */
  record TicketResolved(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  record TicketReopened(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  record TicketClosed(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  /** Waiting on the customer: pausable clocks stop counting. */
  record TicketPaused(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  record TicketResumed(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}

  /** The ticket's breaches stay visible but earn no compensation. */
  record TicketExcluded(
      String eventId,
      String ticketId,
      OffsetDateTime occurredAt,
      String source,
      ExclusionReason reason)
      implements TicketEvent {}

  /**
   * An agent answered on the ticket; only a PUBLIC reply (one the customer sees) meets the reply
   * metrics.
   */
  record AgentReplied(
      String eventId,
      String ticketId,
      OffsetDateTime occurredAt,
      String source,
      ReplyVisibility visibility)
      implements TicketEvent {}

  /** The customer wrote on the ticket: starts a NEXT_REPLY cycle unless one is already waiting. */
  record CustomerReplied(String eventId, String ticketId, OffsetDateTime occurredAt, String source)
      implements TicketEvent {}
}
