package dev.slaservice.sla.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The helpdesks whose own webhooks the service takes as they are sent. */
public enum WebhookSource {
  JIRA,
  ZENDESK,
  ZAMMAD,
  GITHUB;

  /**
   * The name in paths and configuration: {@code jira}, {@code zendesk}, {@code zammad}, {@code
   * github}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookSource> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name)).findFirst();
  }
}
