package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** The staged helpdesk payloads (src/test/resources/webhooks) and test connections. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The exact bytes of a staged payload, e.g. {@code jira-resolved.json} or {@code derived/...}.
   */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no staged payload " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return EventJson.mapper().readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HelpdeskConnection jira() {
    return new HelpdeskConnection(
        "jira-main",
        WebhookSource.JIRA,
        HelpdeskConnection.Auth.SIGNATURE,
        "s3cret",
        "jira-main:",
        "websoft9-standard",
        "NORMAL",
        Map.of("high", "HIGH", "highest", "HIGH", "medium", "NORMAL", "low", "NORMAL"),
        Map.of(
            "in progress",
            StatusAction.IN_PROGRESS,
            "waiting for customer",
            StatusAction.PAUSE,
            "done",
            StatusAction.RESOLVE,
            "resolved",
            StatusAction.RESOLVE,
            "closed",
            StatusAction.CLOSE,
            "to do",
            StatusAction.RESUME),
        new CustomerRule(CustomerRule.Kind.PROJECT, null, null, Map.of("TES", "acme"), null),
        Duration.ofMinutes(5),
        true);
  }

  static HelpdeskConnection zendesk() {
    return new HelpdeskConnection(
        "zendesk",
        WebhookSource.ZENDESK,
        HelpdeskConnection.Auth.SIGNATURE,
        "s3cret",
        "zendesk:",
        "websoft9-standard",
        "NORMAL",
        Map.of("LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "HIGH", "URGENT", "HIGH"),
        Map.of(),
        new CustomerRule(
            CustomerRule.Kind.ORGANIZATION, null, null, Map.of("8447346622462", "acme"), null),
        Duration.ofMinutes(5),
        true);
  }

  static HelpdeskConnection github() {
    return new HelpdeskConnection(
        "github",
        WebhookSource.GITHUB,
        HelpdeskConnection.Auth.SIGNATURE,
        "s3cret",
        "gh:",
        "websoft9-standard",
        "NORMAL",
        Map.of("priority:high", "HIGH", "bug", "HIGH"),
        Map.of("waiting", StatusAction.PAUSE),
        CustomerRule.fixed("acme"),
        Duration.ofMinutes(5),
        true);
  }

  static HelpdeskConnection zammad() {
    return new HelpdeskConnection(
        "zammad",
        WebhookSource.ZAMMAD,
        HelpdeskConnection.Auth.SIGNATURE,
        "s3cret",
        "zammad:",
        "websoft9-standard",
        "NORMAL",
        Map.of("3 high", "HIGH", "2 normal", "NORMAL"),
        Map.of(),
        new CustomerRule(
            CustomerRule.Kind.REQUESTER_DOMAIN, null, null, Map.of("example.com", "acme"), null),
        Duration.ofMinutes(5),
        true);
  }
}
