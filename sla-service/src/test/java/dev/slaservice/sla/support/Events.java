package dev.slaservice.sla.support;

import java.time.Instant;
import java.util.UUID;

/** JSON bodies of inbound events, as a helpdesk would post them. */
public final class Events {

  private Events() {
  }

  public static String newTicketId() {
    return "T-" + UUID.randomUUID();
  }

  public static String opened(String ticketId, String customerId, String planId, String priority, Instant at) {
    return """
        {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk",
         "customerId":"%s","planId":"%s","priority":"%s"}""".formatted(UUID.randomUUID(), ticketId, at, customerId,
        planId, priority);
  }

  public static String simple(String type, String ticketId, Instant at) {
    return """
        {"type":"%s","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk"}"""
        .formatted(type, UUID.randomUUID(), ticketId, at);
  }

  public static String priority(String type, String ticketId, String priority, Instant at) {
    return """
        {"type":"%s","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk","priority":"%s"}"""
        .formatted(type, UUID.randomUUID(), ticketId, at, priority);
  }

  public static String batch(String... events) {
    return "[" + String.join(",", events) + "]";
  }
}
