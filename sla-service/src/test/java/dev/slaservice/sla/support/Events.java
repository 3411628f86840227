package dev.slaservice.sla.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** JSON bodies of inbound events, as a helpdesk would post them. */
public final class Events {

  private Events() {}

  public static String newTicketId() {
    return "T-" + UUID.randomUUID();
  }

  public static String opened(
      String ticketId, String customerId, String planId, String priority, Instant at) {
    return """
        {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk",
         "customerId":"%s","planId":"%s","priority":"%s"}"""
        .formatted(UUID.randomUUID(), ticketId, at, customerId, planId, priority);
  }

  /** A ticket on Websoft9 Premium HIGH: its response is due 10 minutes after {@code at}. */
  public static String premiumHigh(String ticketId, String customerId, Instant at) {
    return opened(ticketId, customerId, "websoft9-premium", "HIGH", at);
  }

  /** Acme's ticket on Websoft9 Premium HIGH: its response is due 10 minutes after {@code at}. */
  public static String acmePremiumHigh(String ticketId, Instant at) {
    return premiumHigh(ticketId, "acme", at);
  }

  /** A TicketOpened without planId: judged on the plan of the customer's subscription. */
  public static String openedOnSubscription(
      String ticketId, String customerId, String priority, Instant at) {
    return """
        {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk",
         "customerId":"%s","priority":"%s"}"""
        .formatted(UUID.randomUUID(), ticketId, at, customerId, priority);
  }

  /** A subscription in UTC, in force from the start of {@code effectiveFrom}. */
  public static String subscribed(
      String customerId, String planId, LocalDate effectiveFrom, Instant at) {
    return """
        {"type":"SubscriptionChanged","eventId":"%s","customerId":"%s","occurredAt":"%s","source":"billing",
         "planId":"%s","monthlyFee":"1000.00","currency":"USD","timeZone":"UTC","effectiveFrom":"%s"}"""
        .formatted(UUID.randomUUID(), customerId, at, planId, effectiveFrom);
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
