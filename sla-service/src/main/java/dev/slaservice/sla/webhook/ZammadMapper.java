package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Zammad's default webhook payload {@code {ticket, article}}: a snapshot with no event type and no
 * previous values. The first snapshot of a ticket opens it; later ones are compared with the last
 * one seen (state, priority, {@code first_response_at}); a public article by an agent is a reply. A
 * snapshot older than the last one seen is ignored. Event time is {@code ticket.updated_at} (the
 * opening: {@code created_at}); the delivery id is {@code X-Zammad-Delivery}.
 */
public final class ZammadMapper {

  /** Zammad's seeded states; a connection's own {@code statuses} come first. */
  static final Map<String, StatusAction> DEFAULT_STATES =
      Map.of(
          "new",
          StatusAction.RESUME,
          "open",
          StatusAction.RESUME,
          "pending reminder",
          StatusAction.PAUSE,
          "pending close",
          StatusAction.PAUSE,
          "closed",
          StatusAction.CLOSE,
          "merged",
          StatusAction.CLOSE,
          "removed",
          StatusAction.CLOSE);

  private static final Map<CustomerRule.Kind, List<String>> CUSTOMER_PLACES =
      Map.of(
          CustomerRule.Kind.ORGANIZATION, List.of("/ticket/organization/name"),
          CustomerRule.Kind.REQUESTER_DOMAIN, List.of("/ticket/customer/email"));

  /**
   * The result, and the snapshot to keep when its events were accepted (null: keep the old one).
   */
  public record Outcome(WebhookResult result, String ticketId, ZammadSnapshot snapshot) {}

  private ZammadMapper() {}

  /**
   * The ticket a delivery is about (its {@code number}), to look up the last snapshot; null when
   * absent.
   */
  public static String ticketNumber(JsonNode payload) {
    return Payloads.text(payload, "/ticket/number");
  }

  public static Outcome map(Delivery delivery, Optional<ZammadSnapshot> previous) {
    HelpdeskConnection connection = delivery.connection();
    Payloads payload = new Payloads(delivery);
    String number = payload.required("/ticket/number");
    String state = payload.required("/ticket/state");
    OffsetDateTime updatedAt = payload.requiredTime("/ticket/updated_at");
    OffsetDateTime createdAt = payload.requiredTime("/ticket/created_at");
    if (!payload.complete()) {
      return new Outcome(payload.malformed(), null, null);
    }
    String priority = payload.text("/ticket/priority/name");
    OffsetDateTime firstResponse = Payloads.time(payload.text("/ticket/first_response_at"));
    ZammadSnapshot now = new ZammadSnapshot(state, priority, firstResponse != null, updatedAt);
    if (previous.isPresent() && updatedAt.isBefore(previous.get().updatedAt())) {
      return new Outcome(
          new WebhookResult.Ignored(
              "the snapshot (updated_at "
                  + updatedAt
                  + ") is older than the last one seen ("
                  + previous.get().updatedAt()
                  + ")"),
          number,
          null);
    }
    String deliveryId = payload.header("X-Zammad-Delivery");
    if (deliveryId == null) {
      deliveryId = payload.text("/ticket/id") + "@" + payload.text("/ticket/updated_at");
    }
    Emitter emit = new Emitter(connection, deliveryId, number);
    if (previous.isEmpty()) {
      String customer = Customers.find(connection, payload, CUSTOMER_PLACES);
      if (!payload.complete()) {
        return new Outcome(payload.malformed(), number, null);
      }
      emit.opened(createdAt, customer, connection.priorityOrDefault(priority));
      emit.transition(updatedAt, null, action(connection, state).orElse(null));
    } else {
      ZammadSnapshot last = previous.get();
      if (!Objects.equals(last.priority(), priority)) {
        connection.priorityOf(priority).ifPresent(p -> emit.priority(updatedAt, p));
      }
      if (!last.state().equalsIgnoreCase(state)) {
        emit.transition(
            updatedAt,
            action(connection, last.state()).orElse(null),
            action(connection, state).orElse(null));
      }
    }
    if (firstResponse != null && (previous.isEmpty() || !previous.get().firstResponse())) {
      emit.workStarted(firstResponse);
    }
    JsonNode article = payload.node("/article");
    if (article.isObject()
        && "Agent".equalsIgnoreCase(Payloads.text(article, "/sender"))
        && !article.path("internal").asBoolean(false)
        && connection.replyStartsWork()) {
      OffsetDateTime articleAt = Payloads.time(Payloads.text(article, "/created_at"));
      emit.workStarted(articleAt == null ? updatedAt : articleAt);
    }
    WebhookResult result =
        WebhookResult.of(
            emit.events(), "the snapshot changes nothing the clocks track since the last one seen");
    return new Outcome(result, number, now);
  }

  static Optional<StatusAction> action(HelpdeskConnection connection, String state) {
    return connection.actionOf(state, DEFAULT_STATES);
  }
}
