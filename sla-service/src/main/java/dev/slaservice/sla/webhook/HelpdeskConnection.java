package dev.slaservice.sla.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One configured helpdesk that posts its webhooks here: where it comes from, how its deliveries are
 * authenticated, and how its names translate into ours.
 *
 * @param name the connection's name; events carry it as {@code source}
 * @param source which helpdesk
 * @param auth how deliveries prove they come from it
 * @param secret the signing secret, or the bearer token for {@link Auth#BEARER}
 * @param ticketPrefix put before the helpdesk's ticket id to form ours (keeps two sites apart)
 * @param plan the plan of tickets it opens
 * @param defaultPriority the plan priority of a ticket whose helpdesk priority is not mapped
 * @param priorities helpdesk priority (or GitHub label) name, lower-case, to plan priority
 * @param statuses helpdesk status (or GitHub label) name, lower-case, to what it means
 * @param customer how the customer is found
 * @param maxSkew how far a signed timestamp may lie from now (Zendesk)
 * @param replyStartsWork whether a public agent reply is WorkStarted (the first one meets the
 *     response target)
 */
public record HelpdeskConnection(
    String name,
    WebhookSource source,
    Auth auth,
    String secret,
    String ticketPrefix,
    String plan,
    String defaultPriority,
    Map<String, String> priorities,
    Map<String, StatusAction> statuses,
    CustomerRule customer,
    Duration maxSkew,
    boolean replyStartsWork) {

  /** How deliveries are authenticated. */
  public enum Auth {
    /** The source's own signature scheme with the shared secret. */
    SIGNATURE,
    /**
     * {@code Authorization: Bearer <secret>} (Jira automation or Data Center setups that cannot
     * sign).
     */
    BEARER
  }

  public HelpdeskConnection {
    priorities = lowerKeys(priorities);
    statuses = lowerKeys(statuses);
    ticketPrefix = ticketPrefix == null ? "" : ticketPrefix;
  }

  private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
    Map<String, V> lower = new HashMap<>();
    if (map != null) {
      map.forEach((k, v) -> lower.put(k.trim().toLowerCase(Locale.ROOT), v));
    }
    return Map.copyOf(lower);
  }

  /** The plan priority for a helpdesk priority name, if mapped. */
  public Optional<String> priorityOf(String helpdeskName) {
    return lookUp(priorities, helpdeskName);
  }

  /** The plan priority for a helpdesk priority name, else the default priority. */
  public String priorityOrDefault(String helpdeskName) {
    return priorityOf(helpdeskName).orElse(defaultPriority);
  }

  /** What a helpdesk status (or label) means, if configured. */
  public Optional<StatusAction> actionOf(String status) {
    return lookUp(statuses, status);
  }

  /**
   * What a helpdesk status means: as configured, else as the helpdesk's {@code defaults} (by
   * lower-case name) say.
   */
  public Optional<StatusAction> actionOf(String status, Map<String, StatusAction> defaults) {
    return actionOf(status).or(() -> lookUp(defaults, status));
  }

  private static <V> Optional<V> lookUp(Map<String, V> byLowerCaseName, String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(byLowerCaseName.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  public String ticketId(String nativeId) {
    return ticketPrefix + nativeId;
  }

  @Override
  public String toString() {
    // never shows the secret
    return "HelpdeskConnection[" + name + ", " + source.wireName() + ", " + auth + "]";
  }
}
