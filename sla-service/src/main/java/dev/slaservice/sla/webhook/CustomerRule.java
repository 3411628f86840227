package dev.slaservice.sla.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a connection finds a ticket's customer: a value read from the payload (where depends on
 * {@link Kind} and the source, or a JSON pointer for {@link Kind#FIELD}), translated through {@code
 * map} (helpdesk value, case-insensitive, to customerId; without a map the value is the
 * customerId), else {@code fallback}.
 */
public record CustomerRule(
    Kind kind, String field, String value, Map<String, String> map, String fallback) {

  /** Where the customer comes from. */
  public enum Kind {
    /** Always {@code value}. */
    FIXED,
    /**
     * Zendesk organization_id, Zammad organization name, GitHub organization (else repository
     * owner).
     */
    ORGANIZATION,
    /** Jira project key, GitHub repository full name. */
    PROJECT,
    /** The value at the JSON pointer {@code field}, e.g. a JSM organizations custom field. */
    FIELD,
    /** The domain of the requester's e-mail: Jira reporter, Zammad customer. */
    REQUESTER_DOMAIN
  }

  public CustomerRule {
    map = map == null ? Map.of() : Map.copyOf(map);
  }

  public static CustomerRule fixed(String customerId) {
    return new CustomerRule(Kind.FIXED, null, customerId, Map.of(), null);
  }

  /** The customerId for a value found in the payload (null when none was found). */
  Optional<String> customerFor(String found) {
    if (kind == Kind.FIXED) {
      return Optional.ofNullable(value);
    }
    if (found != null && !found.isBlank()) {
      String key = kind == Kind.REQUESTER_DOMAIN ? domainOf(found) : found.trim();
      if (key != null) {
        if (map.isEmpty()) {
          return Optional.of(key);
        }
        Optional<String> mapped =
            map.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst();
        if (mapped.isPresent()) {
          return mapped;
        }
      }
    }
    return Optional.ofNullable(fallback);
  }

  private static String domainOf(String email) {
    int at = email.lastIndexOf('@');
    return at < 0 || at == email.length() - 1
        ? null
        : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
  }
}
