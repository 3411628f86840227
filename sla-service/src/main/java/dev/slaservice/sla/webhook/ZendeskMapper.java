package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk event-subscription webhooks ({@code type: zen:event-type:ticket.*}): created, priority
 * and status changes ({@code event.previous} to {@code event.current}), public staff comments.
 * Event time is the top-level {@code time}; the delivery id is the top-level {@code id}. Zendesk
 * does not keep deliveries in order, which the fold handles (it orders by event time).
 */
final class ZendeskMapper {

  static final String PREFIX = "zen:event-type:ticket.";

  /** Zendesk's fixed statuses; a connection's own {@code statuses} come first. */
  static final Map<String, StatusAction> DEFAULT_STATUSES =
      Map.of(
          "new",
          StatusAction.RESUME,
          "open",
          StatusAction.RESUME,
          "pending",
          StatusAction.PAUSE,
          "hold",
          StatusAction.PAUSE,
          "solved",
          StatusAction.RESOLVE,
          "closed",
          StatusAction.CLOSE);

  private static final Map<CustomerRule.Kind, List<String>> CUSTOMER_PLACES =
      Map.of(CustomerRule.Kind.ORGANIZATION, List.of("/detail/organization_id"));

  private ZendeskMapper() {}

  static WebhookResult map(HelpdeskConnection connection, Payloads payload) {
    String type = payload.required("/type");
    String deliveryId = payload.required("/id");
    OffsetDateTime at = payload.requiredTime("/time");
    String ticket = payload.required("/detail/id");
    payload.requireComplete();
    if (!type.startsWith(PREFIX)) {
      return new WebhookResult.Ignored("Zendesk event " + type + " is not a ticket event");
    }
    Emitter emit = new Emitter(connection, deliveryId, ticket);
    String current = payload.text("/event/current");
    String previous = payload.text("/event/previous");
    switch (type.substring(PREFIX.length())) {
      case "created" -> {
        String customer = Customers.find(connection, payload, CUSTOMER_PLACES);
        payload.requireComplete();
        emit.opened(at, customer, connection.priorityOrDefault(payload.text("/detail/priority")));
        emit.transition(at, null, action(connection, payload.text("/detail/status")).orElse(null));
        return new WebhookResult.Events(emit.events());
      }
      case "priority_changed" -> {
        Optional<String> priority = connection.priorityOf(current);
        priority.ifPresent(p -> emit.priority(at, p));
        return WebhookResult.of(
            emit.events(), "priority " + current + " is not mapped to a plan priority");
      }
      case "status_changed" -> {
        if (current == null) {
          payload.missing("/event/current is missing");
          return payload.malformed();
        }
        emit.transition(
            at,
            action(connection, previous).orElse(null),
            action(connection, current).orElse(null));
        return WebhookResult.of(
            emit.events(), "status " + previous + " -> " + current + " does not change the clocks");
      }
      case "comment_added" -> {
        JsonNode comment = payload.node("/event/comment");
        if (!comment.isObject()) {
          payload.missing("/event/comment is missing");
          return payload.malformed();
        }
        if (!comment.path("is_public").asBoolean(false)) {
          return new WebhookResult.Ignored("an internal note is not a reply to the customer");
        }
        String author = Payloads.text(comment, "/author/id");
        if (!comment.path("author").path("is_staff").asBoolean(false)
            || (author != null && author.equals(payload.text("/detail/requester_id")))) {
          return new WebhookResult.Ignored(
              "a comment by the requester or another non-staff user is not an agent reply");
        }
        if (!connection.replyStartsWork()) {
          return new WebhookResult.Ignored(
              "agent replies are not WorkStarted on connection " + connection.name());
        }
        emit.workStarted(at);
        return new WebhookResult.Events(emit.events());
      }
      default -> {
        return new WebhookResult.Ignored("Zendesk event " + type + " does not change the clocks");
      }
    }
  }

  static Optional<StatusAction> action(HelpdeskConnection connection, String status) {
    return connection.actionOf(status, DEFAULT_STATUSES);
  }
}
