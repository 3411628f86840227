package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jira Cloud / Jira Service Management and Jira Server / Data Center issue webhooks. Driven by
 * {@code changelog.items} (Cloud names a field by {@code fieldId}, Server only by {@code field}),
 * not by {@code issue_event_type_name}: priority, status into the configured statuses, resolution
 * set (resolved) or cleared (reopened). A public comment by someone other than the reporter who is
 * not a JSM customer is an agent reply: WorkStarted (the fold keeps the first). Event time is the
 * top-level {@code timestamp} (epoch ms).
 */
final class JiraMapper {

  private static final Map<CustomerRule.Kind, List<String>> CUSTOMER_PLACES =
      Map.of(
          CustomerRule.Kind.PROJECT, List.of("/issue/fields/project/key"),
          CustomerRule.Kind.REQUESTER_DOMAIN, List.of("/issue/fields/reporter/emailAddress"));

  private JiraMapper() {}

  static WebhookResult map(HelpdeskConnection connection, Payloads payload) {
    String event = payload.required("/webhookEvent");
    OffsetDateTime at = payload.requiredEpochMillis("/timestamp");
    String key = payload.required("/issue/key");
    payload.requireComplete();
    String deliveryId = payload.header("X-Atlassian-Webhook-Identifier");
    if (deliveryId == null) {
      deliveryId =
          payload.text("/issue/id")
              + "-"
              + event
              + "-"
              + payload.node("/timestamp").asText()
              + "-"
              + firstNonNull(payload.text("/changelog/id"), payload.text("/comment/id"), "");
    }
    Emitter emit = new Emitter(connection, deliveryId, key);
    switch (event) {
      case "jira:issue_created" -> {
        String name = payload.text("/issue/fields/priority/name");
        String customer = Customers.find(connection, payload, CUSTOMER_PLACES);
        payload.requireComplete();
        emit.opened(at, customer, connection.priorityOrDefault(name));
        return new WebhookResult.Events(emit.events());
      }
      case "jira:issue_updated" -> {
        List<String> untracked = changelog(connection, payload.node("/changelog/items"), at, emit);
        if ("issue_commented".equals(payload.text("/issue_event_type_name"))
            && payload.node("/comment").isObject()) {
          String ignored = comment(connection, payload, at, emit);
          if (ignored != null) {
            untracked.add(ignored);
          }
        }
        return WebhookResult.of(
            emit.events(),
            untracked.isEmpty()
                ? "the Jira update changes nothing the clocks track"
                : "the Jira update changes nothing the clocks track: "
                    + String.join("; ", untracked));
      }
      case "comment_created" -> {
        if (!payload.node("/comment").isObject()) {
          payload.missing("/comment is missing");
          return payload.malformed();
        }
        String ignored = comment(connection, payload, at, emit);
        return WebhookResult.of(emit.events(), ignored);
      }
      default -> {
        return new WebhookResult.Ignored("Jira event " + event + " does not change the clocks");
      }
    }
  }

  private static List<String> changelog(
      HelpdeskConnection connection, JsonNode items, OffsetDateTime at, Emitter emit) {
    List<String> untracked = new ArrayList<>();
    if (!items.isArray()) {
      untracked.add("no changelog");
      return untracked;
    }
    for (JsonNode item : items) {
      String field =
          firstNonNull(Payloads.text(item, "/fieldId"), Payloads.text(item, "/field"), "")
              .toLowerCase(Locale.ROOT);
      String from = Payloads.text(item, "/fromString");
      String to = Payloads.text(item, "/toString");
      switch (field) {
        case "priority" ->
            connection
                .priorityOf(to)
                .ifPresentOrElse(
                    p -> emit.priority(at, p),
                    () -> untracked.add("priority " + to + " is not mapped to a plan priority"));
        case "status" -> {
          int before = emit.events().size();
          emit.transition(
              at, connection.actionOf(from).orElse(null), connection.actionOf(to).orElse(null));
          if (emit.events().size() == before) {
            untracked.add("status " + from + " -> " + to + " is not a configured transition");
          }
        }
        case "resolution" -> {
          if (from == null && to != null) {
            emit.resolved(at);
          } else if (from != null && to == null) {
            emit.reopened(at);
          }
        }
        default -> untracked.add("field " + field + " is not tracked");
      }
    }
    return untracked;
  }

  /** Emits WorkStarted for an agent's public reply; else answers why the comment is ignored. */
  private static String comment(
      HelpdeskConnection connection, Payloads payload, OffsetDateTime at, Emitter emit) {
    JsonNode comment = payload.node("/comment");
    if (comment.path("jsdPublic").isBoolean() && !comment.path("jsdPublic").asBoolean()) {
      return "an internal comment is not a reply to the customer";
    }
    String author =
        firstNonNull(
            Payloads.text(comment, "/author/accountId"),
            Payloads.text(comment, "/author/key"),
            Payloads.text(comment, "/author/name"));
    String reporter =
        firstNonNull(
            payload.text("/issue/fields/reporter/accountId"),
            payload.text("/issue/fields/reporter/key"),
            payload.text("/issue/fields/reporter/name"));
    if ("customer".equals(Payloads.text(comment, "/author/accountType"))
        || (author != null && author.equals(reporter))) {
      return "a comment by the customer or reporter is not an agent reply";
    }
    if (!connection.replyStartsWork()) {
      return "agent replies are not WorkStarted on connection " + connection.name();
    }
    emit.workStarted(at);
    return null;
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
