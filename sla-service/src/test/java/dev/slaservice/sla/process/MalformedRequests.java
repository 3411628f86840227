package dev.slaservice.sla.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of malformed requests for {@link MalformedRequestsIT}: valid events broken by one
 * mutation that no reading of the contract accepts, bodies that are not events, bad calendars and
 * odd query strings.
 */
public final class MalformedRequests {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MalformedRequests() {}

  /** One valid event broken by one mutation that no reading of the contract accepts. */
  private static Arbitrary<ObjectNode> brokenEvent() {
    Arbitrary<ObjectNode> badValue =
        EventSamples.types()
            .flatMap(
                type -> {
                  List<String> names = new ArrayList<>(type.fields().keySet());
                  return Arbitraries.of(names)
                      .flatMap(
                          name ->
                              EventSamples.invalidValue(
                                      type.fields().get(name).kind(),
                                      type.fields().get(name).required())
                                  .map(
                                      value -> {
                                        ObjectNode event = EventSamples.valid(type);
                                        event.set(name, value);
                                        return event;
                                      }));
                });
    Arbitrary<ObjectNode> missing =
        EventSamples.types()
            .flatMap(
                type -> {
                  List<String> required =
                      type.fields().entrySet().stream()
                          .filter(e -> e.getValue().required())
                          .map(Map.Entry::getKey)
                          .toList();
                  return Arbitraries.of(required)
                      .map(
                          name -> {
                            ObjectNode event = EventSamples.valid(type);
                            event.remove(name);
                            return event;
                          });
                });
    Arbitrary<ObjectNode> extra =
        Combinators.combine(
                EventSamples.types(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30))
            .as(
                (type, name) -> {
                  ObjectNode event = EventSamples.valid(type);
                  event.put(
                      type.fields().containsKey(name) || name.equals("type")
                          ? name + "Extra"
                          : name,
                      "surplus");
                  return event;
                });
    Arbitrary<ObjectNode> unknownType =
        Combinators.combine(
                EventSamples.types(),
                Arbitraries.oneOf(
                    Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(JSON::textNode),
                    Arbitraries.of(
                        (JsonNode) JSON.numberNode(7), JSON.nullNode(), JSON.arrayNode())))
            .as(
                (type, value) -> {
                  ObjectNode event = EventSamples.valid(type);
                  if (value.isTextual() && EventType.fromWireName(value.asText()).isPresent()) {
                    event.set("type", JSON.numberNode(7));
                  } else {
                    event.set("type", value);
                  }
                  return event;
                });
    Arbitrary<ObjectNode> unknownPriority =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .ofMinLength(1)
            .ofMaxLength(10)
            .filter(p -> !p.equals("HIGH") && !p.equals("NORMAL"))
            .map(p -> openedWith("priority", p));
    Arbitrary<ObjectNode> unknownPlan =
        Arbitraries.strings()
            .alpha()
            .ofMinLength(1)
            .ofMaxLength(20)
            .map(plan -> openedWith("planId", "no-such-plan-" + plan));
    return Arbitraries.frequencyOf(
        Tuple.of(5, badValue),
        Tuple.of(2, missing),
        Tuple.of(2, extra),
        // a type, priority or plan the service does not know: each as likely as a missing field
        Tuple.of(3, Arbitraries.oneOf(unknownType, unknownPriority, unknownPlan)));
  }

  /** A valid TicketOpened whose {@code field} is {@code value}. */
  private static ObjectNode openedWith(String field, String value) {
    ObjectNode event = EventSamples.valid(EventType.fromWireName("TicketOpened").orElseThrow());
    event.put(field, value);
    return event;
  }

  public static Arbitrary<String> eventBodies() {
    Arbitrary<String> single = brokenEvent().map(JsonNode::toString);
    Arbitrary<String> inABatch =
        Combinators.combine(
                brokenEvent(),
                EventSamples.types().list().ofMaxSize(20),
                Arbitraries.integers().between(0, 20))
            .as(
                (broken, goodTypes, position) -> {
                  var batch = JSON.arrayNode();
                  goodTypes.forEach(type -> batch.add(EventSamples.valid(type)));
                  batch.insert(Math.min(position, batch.size()), broken);
                  return batch.toString();
                });
    Arbitrary<String> truncated =
        Combinators.combine(
                EventSamples.types(), Arbitraries.doubles().between(0, 0.999).ofScale(3))
            .as(
                (type, cut) -> {
                  String json = EventSamples.valid(type).toString();
                  return json.substring(0, (int) (json.length() * cut));
                });
    Arbitrary<String> deep =
        Combinators.combine(
                Arbitraries.integers().between(50, 20_000), Arbitraries.of("[", "{\"a\":"))
            .as(
                (depth, open) ->
                    open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
    Arbitrary<String> deepField =
        Arbitraries.integers()
            .between(50, 5_000)
            .map(
                depth -> {
                  String event =
                      EventSamples.valid(EventType.fromWireName("WorkStarted").orElseThrow())
                          .toString();
                  return event.substring(0, event.length() - 1)
                      + ",\"nested\":"
                      + "[".repeat(depth)
                      + "]".repeat(depth)
                      + "}";
                });
    Arbitrary<String> notEvents =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "null",
                "true",
                "42",
                "\"event\"",
                "[]",
                "{}",
                "[null]",
                "[[]]",
                "[1,2]",
                "{\"type\":",
                "\u0000",
                "\uFEFF{}",
                "{\"type\":\"WorkStarted\"}{\"type\":\"WorkStarted\"}"),
            Arbitraries.strings().ofMaxLength(200));
    return Arbitraries.frequencyOf(
        Tuple.of(8, single),
        Tuple.of(4, inABatch),
        Tuple.of(2, truncated),
        Tuple.of(1, deep),
        Tuple.of(1, deepField),
        Tuple.of(2, notEvents));
  }

  static Arbitrary<String> calendarIds() {
    return Arbitraries.oneOf(
        Arbitraries.of("fuzz-calendar", "Upper", "-lead", "x".repeat(65), "a b", "ü"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(70));
  }

  static Arbitrary<String> calendarBodies() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "null",
            "[]",
            "{}",
            "{\"zone\":",
            "{\"zone\":\"Mars/Olympus\",\"windows\":[]}",
            "{\"zone\":\"UTC\"}",
            "{\"zone\":\"UTC\",\"windows\":[]}",
            "{\"zone\":42,\"windows\":\"all\"}",
            "{\"zone\":\"UTC\",\"windows\":[{\"startDay\":\"FUNDAY\",\"startTime\":\"09:00\",\"endDay\":\"MONDAY\","
                + "\"endTime\":\"18:00\"}]}",
            "{\"zone\":\"UTC\",\"windows\":[{\"startDay\":\"MONDAY\",\"startTime\":\"9am\",\"endDay\":\"MONDAY\","
                + "\"endTime\":\"18:00\"}]}",
            "{\"zone\":\"UTC\",\"windows\":[{\"startDay\":\"MONDAY\"}]}",
            "{\"zone\":\"UTC\",\"windows\":[{\"startDay\":\"MONDAY\",\"startTime\":\"09:00\",\"endDay\":\"MONDAY\","
                + "\"endTime\":\"18:00\"}],\"holidays\":[{\"name\":\"no date\"}]}",
            "{\"zone\":\"UTC\",\"windows\":[{\"startDay\":\"MONDAY\",\"startTime\":\"09:00\",\"endDay\":\"MONDAY\","
                + "\"endTime\":\"18:00\"}],\"holidays\":[{\"date\":\"2026-02-30\"}]}"),
        Arbitraries.strings().ofMaxLength(300));
  }

  static Arbitrary<String> queries() {
    Arbitrary<String> anything =
        Arbitraries.strings()
            .ofMaxLength(60)
            .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    Arbitrary<String> instants =
        Arbitraries.oneOf(
            anything,
            Arbitraries.of(
                "2026-11-20T09:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "0",
                ""));
    Arbitrary<String> durations =
        Arbitraries.oneOf(
            anything,
            Arbitraries.of(
                "PT1H",
                "PT-5M",
                "-PT1H",
                "P99999999D",
                "PT0S",
                "P1000000000000D",
                "PT9223372036854775807S",
                "1h",
                ""));
    Arbitrary<String> limits =
        Arbitraries.oneOf(anything, Arbitraries.of("0", "-1", "1", "501", "99999999999", ""));
    Arbitrary<String> tickets =
        Combinators.combine(anything, instants, instants, limits, anything)
            .as(
                (state, before, after, limit, cursor) ->
                    "/tickets?state="
                        + state
                        + "&dueBefore="
                        + before
                        + "&dueAfter="
                        + after
                        + "&limit="
                        + limit
                        + "&cursor="
                        + cursor);
    Arbitrary<String> due =
        Combinators.combine(anything, instants, durations)
            .as(
                (calendar, start, duration) ->
                    "/calendars/"
                        + (calendar.isEmpty() ? "24x7" : calendar)
                        + "/due?start="
                        + start
                        + "&duration="
                        + duration);
    Arbitrary<String> ticket =
        Combinators.combine(anything, instants)
            .as((id, asOf) -> "/tickets/" + (id.isEmpty() ? "x" : id) + "?asOf=" + asOf);
    Arbitrary<String> statement =
        Combinators.combine(anything, anything)
            .as(
                (customer, month) ->
                    "/customers/"
                        + (customer.isEmpty() ? "acme" : customer)
                        + "/compensation?month="
                        + month);
    return Arbitraries.oneOf(tickets, due, ticket, statement);
  }
}
