package dev.slaservice.sla.config;

import dev.slaservice.sla.webhook.Connections;
import dev.slaservice.sla.webhook.CustomerRule;
import dev.slaservice.sla.webhook.HelpdeskConnection;
import dev.slaservice.sla.webhook.StatusAction;
import dev.slaservice.sla.webhook.WebhookSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the helpdesk connections from {@link WebhookConfig}, refusing a wrong one at startup. */
public class WebhookConnections {

  @Produces
  @Singleton
  Connections connections(WebhookConfig config) {
    Map<String, HelpdeskConnection> byName = new HashMap<>();
    config.connections().forEach((name, c) -> byName.put(name, build(name, c)));
    return new Connections(byName);
  }

  static HelpdeskConnection build(String name, WebhookConfig.Connection c) {
    String where = "sla.webhooks.connections." + name;
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalStateException(
          where + ": a connection name is 1 to 64 lower-case letters, digits, - or _");
    }
    WebhookSource source =
        WebhookSource.fromWireName(c.source())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        where
                            + ".source must be jira, zendesk, zammad or github, not "
                            + c.source()));
    HelpdeskConnection.Auth auth =
        switch (c.auth().toLowerCase(Locale.ROOT)) {
          case "signature" -> HelpdeskConnection.Auth.SIGNATURE;
          case "bearer" -> HelpdeskConnection.Auth.BEARER;
          default -> throw new IllegalStateException(where + ".auth must be signature or bearer");
        };
    if (auth == HelpdeskConnection.Auth.BEARER && source != WebhookSource.JIRA) {
      throw new IllegalStateException(
          where + ".auth=bearer is for Jira; " + source.wireName() + " signs its deliveries");
    }
    String secret = c.secret().orElse(null);
    if (c.secretFile().isPresent()) {
      try {
        secret = Files.readString(c.secretFile().get(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException(
            where + ".secret-file cannot be read: " + c.secretFile().get(), e);
      }
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException(
          where + " needs secret or secret-file: deliveries are never taken unsigned");
    }
    Map<String, String> priorities = new HashMap<>();
    c.priorities().forEach((ours, theirs) -> split(theirs).forEach(n -> priorities.put(n, ours)));
    Map<String, StatusAction> statuses = new HashMap<>();
    c.statuses()
        .forEach(
            (action, theirs) -> {
              StatusAction meaning;
              try {
                meaning = StatusAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
              } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                    where
                        + ".statuses."
                        + action
                        + ": the key must be in-progress, pause, resume, resolve or close",
                    e);
              }
              split(theirs).forEach(n -> statuses.put(n, meaning));
            });
    WebhookConfig.Customer customer = c.customer();
    CustomerRule.Kind kind;
    try {
      kind = CustomerRule.Kind.valueOf(customer.from().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          where
              + ".customer.from must be fixed, organization, project, field or"
              + " requester-domain",
          e);
    }
    if (kind == CustomerRule.Kind.FIXED && customer.value().isEmpty()) {
      throw new IllegalStateException(where + ".customer.value is needed with customer.from=fixed");
    }
    if (kind == CustomerRule.Kind.FIELD && customer.field().isEmpty()) {
      throw new IllegalStateException(
          where + ".customer.field (a JSON pointer) is needed with customer.from=field");
    }
    Map<String, String> customers = new HashMap<>();
    customer.map().forEach((id, theirs) -> split(theirs).forEach(v -> customers.put(v, id)));
    CustomerRule rule =
        new CustomerRule(
            kind,
            customer.field().orElse(null),
            customer.value().orElse(null),
            customers,
            customer.fallback().orElse(null));
    return new HelpdeskConnection(
        name,
        source,
        auth,
        secret,
        c.ticketPrefix().orElse(name + ":"),
        c.plan(),
        c.defaultPriority(),
        priorities,
        statuses,
        rule,
        c.maxSkew(),
        c.replyStartsWork());
  }

  private static List<String> split(String names) {
    return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
  }
}
