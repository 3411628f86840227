package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.ReplyVisibility;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub issue webhooks ({@code X-GitHub-Event: issues} and {@code issue_comment}): opened, closed
 * (resolved, unless the connection maps the label-less status {@code closed} otherwise), reopened;
 * labels mapped in {@code priorities} raise or lower the priority when added, labels mapped to
 * PAUSE pause when added and resume when removed; a comment by a member (author association OWNER,
 * MEMBER or COLLABORATOR) other than the issue's author is a public agent reply (AgentReplied, and
 * WorkStarted when replies start work), anyone else's comment the customer's (CustomerReplied).
 * Event time is the issue's (or comment's) {@code updated_at}; the delivery id is {@code
 * X-GitHub-Delivery}.
 */
final class GithubMapper {

  private static final Set<String> MEMBERS = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  private static final Map<CustomerRule.Kind, List<String>> CUSTOMER_PLACES =
      Map.of(
          CustomerRule.Kind.ORGANIZATION, List.of("/organization/login", "/repository/owner/login"),
          CustomerRule.Kind.PROJECT, List.of("/repository/full_name"));

  private GithubMapper() {}

  static WebhookResult map(HelpdeskConnection connection, Payloads payload) {
    String event = payload.requiredHeader("X-GitHub-Event");
    String deliveryId = payload.requiredHeader("X-GitHub-Delivery");
    payload.requireComplete();
    if ("ping".equals(event)) {
      return new WebhookResult.Ignored("GitHub ping: the webhook is set up");
    }
    if (!"issues".equals(event) && !"issue_comment".equals(event)) {
      return new WebhookResult.Ignored(
          "GitHub event "
              + event
              + " does not change the clocks; send issues and"
              + " issue comments only");
    }
    String action = payload.required("/action");
    String repository = payload.required("/repository/full_name");
    String number = payload.required("/issue/number");
    OffsetDateTime at = payload.requiredTime("/issue/updated_at");
    payload.requireComplete();
    if (payload.node("/issue/pull_request").isObject()) {
      return new WebhookResult.Ignored("a pull request is not an issue");
    }
    // owner/repo#n with the slash as a colon, so the ticket id needs no escaping in a path
    Emitter emit = new Emitter(connection, deliveryId, repository.replace('/', ':') + "#" + number);
    if ("issue_comment".equals(event)) {
      return comment(connection, payload, action, emit);
    }
    switch (action) {
      case "opened" -> {
        String customer = Customers.find(connection, payload, CUSTOMER_PLACES);
        payload.requireComplete();
        String priority = connection.defaultPriority();
        boolean waiting = false;
        for (JsonNode label : payload.node("/issue/labels")) {
          String name = Payloads.text(label, "/name");
          Optional<String> mapped = connection.priorityOf(name);
          if (mapped.isPresent() && priority.equals(connection.defaultPriority())) {
            priority = mapped.get();
          }
          waiting |= connection.actionOf(name).orElse(null) == StatusAction.PAUSE;
        }
        emit.opened(at, customer, priority);
        if (waiting) {
          emit.paused(at);
        }
      }
      case "closed" ->
          emit.transition(at, null, connection.actionOf("closed").orElse(StatusAction.RESOLVE));
      case "reopened" -> emit.reopened(at);
      case "labeled", "unlabeled" -> {
        String label = payload.required("/label/name");
        payload.requireComplete();
        boolean added = "labeled".equals(action);
        Optional<String> priority = connection.priorityOf(label);
        StatusAction meaning = connection.actionOf(label).orElse(null);
        if (priority.isPresent() && added) {
          emit.priority(at, priority.get());
        } else if (priority.isPresent()) {
          return new WebhookResult.Ignored(
              "removing the priority label "
                  + label
                  + " does not change the priority; adding another priority label does");
        } else if (meaning == StatusAction.PAUSE) {
          if (added) {
            emit.paused(at);
          } else {
            emit.resumed(at);
          }
        } else if (meaning == StatusAction.IN_PROGRESS && added) {
          emit.workStarted(at);
        }
        return WebhookResult.of(
            emit.events(), "label " + label + " is not a configured priority or status label");
      }
      default -> {
        return new WebhookResult.Ignored(
            "GitHub issues action " + action + " does not change the clocks");
      }
    }
    return new WebhookResult.Events(emit.events());
  }

  /**
   * A new comment is a reply: the issue's author or a non-member writes as the customer, a member
   * (OWNER, MEMBER, COLLABORATOR) answers publicly as an agent, and with the connection's
   * reply-starts-work that answer also starts work. A bot's comment is neither.
   */
  private static WebhookResult comment(
      HelpdeskConnection connection, Payloads payload, String action, Emitter emit) {
    if (!"created".equals(action)) {
      return new WebhookResult.Ignored("an " + action + " comment is not a new reply");
    }
    OffsetDateTime at = payload.requiredTime("/comment/created_at");
    String association = payload.required("/comment/author_association");
    payload.requireComplete();
    if ("Bot".equals(payload.text("/comment/user/type"))) {
      return new WebhookResult.Ignored(
          "a bot's comment is neither the customer's nor an agent's reply");
    }
    String author = payload.text("/comment/user/id");
    boolean byIssueAuthor = author != null && author.equals(payload.text("/issue/user/id"));
    if (byIssueAuthor || !MEMBERS.contains(association)) {
      emit.customerReplied(at);
    } else {
      emit.agentReplied(at, ReplyVisibility.PUBLIC);
      if (connection.replyStartsWork()) {
        emit.workStarted(at);
      }
    }
    return new WebhookResult.Events(emit.events());
  }
}
