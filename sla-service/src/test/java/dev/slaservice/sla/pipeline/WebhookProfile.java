package dev.slaservice.sla.pipeline;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One connection per helpdesk with a secret made for this run (none is in the repository), and
 * ticket prefixes of this run, so the staged payloads' fixed ticket ids do not meet earlier runs.
 */
public class WebhookProfile implements QuarkusTestProfile {

  // Quarkus loads this class again in its own class loader: the values live in system properties,
  // so the test and the application see the same ones
  static final String SECRET = once("webhooks-test.secret", "test-" + UUID.randomUUID());
  static final String JIRA_TOKEN =
      once("webhooks-test.jira-token", "jira-token-" + UUID.randomUUID());
  static final String RUN = once("webhooks-test.run", UUID.randomUUID().toString().substring(0, 8));

  private static synchronized String once(String property, String value) {
    String known = System.getProperty(property);
    if (known == null) {
      System.setProperty(property, value);
      return value;
    }
    return known;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>();
    String c = "sla.webhooks.connections.";
    connection(config, "jira-main", "jira");
    config.put(c + "jira-main.priorities.HIGH", "High,Highest");
    config.put(c + "jira-main.priorities.NORMAL", "Medium,Low,Lowest");
    config.put(c + "jira-main.statuses.in-progress", "In Progress");
    config.put(c + "jira-main.statuses.pause", "Waiting for customer");
    config.put(c + "jira-main.statuses.resume", "To Do,Reopened");
    config.put(c + "jira-main.statuses.resolve", "Done,Resolved");
    config.put(c + "jira-main.statuses.close", "Closed");
    config.put(c + "jira-main.customer.from", "project");
    config.put(c + "jira-main.customer.map.acme", "TES,PRJA");
    // a second Jira site that sends a bearer token instead of signing
    connection(config, "jira-dc", "jira");
    config.put(c + "jira-dc.auth", "bearer");
    config.put(c + "jira-dc.secret", JIRA_TOKEN);
    config.put(c + "jira-dc.statuses.resolve", "Resolved");
    config.put(c + "jira-dc.statuses.close", "Closed");
    connection(config, "zendesk", "zendesk");
    config.put(c + "zendesk.priorities.HIGH", "HIGH,URGENT");
    config.put(c + "zendesk.priorities.NORMAL", "LOW,NORMAL");
    config.put(c + "zendesk.customer.from", "organization");
    config.put(c + "zendesk.customer.map.acme", "8447346622462");
    connection(config, "zammad", "zammad");
    config.put(c + "zammad.priorities.HIGH", "3 high");
    config.put(c + "zammad.customer.from", "requester-domain");
    config.put(c + "zammad.customer.map.acme", "example.com");
    connection(config, "github", "github");
    config.put(c + "github.priorities.HIGH", "priority:high,bug");
    config.put(c + "github.statuses.pause", "waiting");
    return config;
  }

  private static void connection(Map<String, String> config, String name, String source) {
    String c = "sla.webhooks.connections." + name + ".";
    config.put(c + "source", source);
    config.put(c + "secret", SECRET);
    config.put(c + "plan", "websoft9-standard");
    config.put(c + "default-priority", "NORMAL");
    config.put(c + "ticket-prefix", name + "-" + RUN + ":");
    config.put(c + "customer.value", "acme");
  }
}
