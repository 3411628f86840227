package dev.slaservice.sla.webhook;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured helpdesk connections, by name. */
public record Connections(Map<String, HelpdeskConnection> byName) {

  public Connections {
    byName = Map.copyOf(byName);
  }

  public List<HelpdeskConnection> of(WebhookSource source) {
    return byName.values().stream()
        .filter(c -> c.source() == source)
        .sorted(Comparator.comparing(HelpdeskConnection::name))
        .toList();
  }

  public Optional<HelpdeskConnection> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<HelpdeskConnection> all() {
    return byName.values();
  }
}
