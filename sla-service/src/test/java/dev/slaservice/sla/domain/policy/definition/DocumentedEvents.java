package dev.slaservice.sla.domain.policy.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slaservice.events.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start, stop, pause and resume events of each metric as openapi.yaml documents them: what a
 * definition may leave out, and what GET serves in their place.
 */
final class DocumentedEvents {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> ROLES = List.of("start", "stop", "pause", "resume");
  private static final List<String> CLOSING = List.of("TicketResolved", "TicketClosed");
  private static final List<String> REPLY_STOPS =
      List.of("AgentReplied", "TicketResolved", "TicketClosed");

  /** The events of each metric a definition may leave out, as openapi.yaml documents them. */
  static final Map<Metric, Map<String, List<String>>> DOCUMENTED_EVENTS =
      Map.of(
          Metric.RESPONSE,
              events(
                  List.of("TicketOpened"),
                  List.of("WorkStarted", "TicketResolved", "TicketClosed")),
          Metric.RESTORE,
              events(
                  List.of("TicketOpened"),
                  List.of("ServiceRestored", "TicketResolved", "TicketClosed")),
          Metric.RESOLUTION, events(List.of("TicketOpened", "TicketReopened"), CLOSING),
          Metric.NEXT_REPLY, events(List.of("CustomerReplied"), REPLY_STOPS),
          Metric.PERIODIC_UPDATE,
              events(List.of("TicketOpened", "TicketReopened", "AgentReplied"), REPLY_STOPS));

  static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static Map<String, List<String>> events(List<String> start, List<String> stop) {
    Map<String, List<String>> events = new LinkedHashMap<>();
    events.put("start", start);
    events.put("stop", stop);
    events.put("pause", List.of("TicketPaused"));
    events.put("resume", List.of("TicketResumed"));
    return events;
  }

  private DocumentedEvents() {}
}
