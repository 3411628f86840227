package dev.slaservice.sla.webhook;

import dev.slaservice.events.TicketEvent;
import java.util.List;

/** What a mapper made of one delivery. */
public sealed interface WebhookResult {

  /** Lifecycle events to send through the intake, in order. */
  record Events(List<TicketEvent> events) implements WebhookResult {
    public Events {
      events = List.copyOf(events);
    }
  }

  /** Nothing the clocks care about (answered 202 "ignored", nothing stored). */
  record Ignored(String reason) implements WebhookResult {}

  /** Not that helpdesk's shape: what is missing or wrong, one entry per place (answered 400). */
  record Malformed(List<String> missing) implements WebhookResult {
    public Malformed {
      missing = List.copyOf(missing);
    }
  }

  static WebhookResult of(List<TicketEvent> events, String reasonWhenEmpty) {
    return events.isEmpty() ? new Ignored(reasonWhenEmpty) : new Events(events);
  }
}
