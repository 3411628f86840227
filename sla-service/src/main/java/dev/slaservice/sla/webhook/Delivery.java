package dev.slaservice.sla.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One webhook delivery, authenticated already: its connection, its headers (by lower-case name) and
 * its parsed body.
 */
public record Delivery(
    HelpdeskConnection connection, Map<String, String> headers, JsonNode payload) {

  public Delivery {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  public String header(String name) {
    String value = headers.get(name.toLowerCase(Locale.ROOT));
    return value == null || value.isBlank() ? null : value.trim();
  }
}
