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
    connection(
        config,
        "jira-main",
        "jira",
        """
        priorities.HIGH=High,Highest
        priorities.NORMAL=Medium,Low,Lowest
        statuses.in-progress=In Progress
        statuses.pause=Waiting for customer
        statuses.resume=To Do,Reopened
        statuses.resolve=Done,Resolved
        statuses.close=Closed
        customer.from=project
        customer.map.acme=TES,PRJA
        """);
    // a second Jira site that sends a bearer token instead of signing
    connection(
        config,
        "jira-dc",
        "jira",
        """
        auth=bearer
        secret=%s
        statuses.resolve=Resolved
        statuses.close=Closed
        """
            .formatted(JIRA_TOKEN));
    connection(
        config,
        "zendesk",
        "zendesk",
        """
        priorities.HIGH=HIGH,URGENT
        priorities.NORMAL=LOW,NORMAL
        customer.from=organization
        customer.map.acme=8447346622462
        """);
    connection(
        config,
        "zammad",
        "zammad",
        """
        priorities.HIGH=3 high
        customer.from=requester-domain
        customer.map.acme=example.com
        """);
    connection(
        config,
        "github",
        "github",
        """
        priorities.HIGH=priority:high,bug
        statuses.pause=waiting
        """);
    return config;
  }

  /**
   * The settings every connection of the run has, then its own {@code settings} (one {@code
   * key=value} a line, keys below the connection's), which may replace them.
   */
  private static void connection(
      Map<String, String> config, String name, String source, String settings) {
    String c = "sla.webhooks.connections." + name + ".";
    config.put(c + "source", source);
    config.put(c + "secret", SECRET);
    config.put(c + "plan", "websoft9-standard");
    config.put(c + "default-priority", "NORMAL");
    config.put(c + "ticket-prefix", name + "-" + RUN + ":");
    config.put(c + "customer.value", "acme");
    settings
        .lines()
        .map(line -> line.split("=", 2))
        .forEach(setting -> config.put(c + setting[0], setting[1]));
  }
}
