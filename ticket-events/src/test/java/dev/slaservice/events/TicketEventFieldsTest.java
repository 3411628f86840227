package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A checked ticket event built field by field is the event the mapper binds from the same JSON: for
 * every ticket event type, with and without its optional fields, and occurredAt in the forms the
 * contract accepts.
 */
class TicketEventFieldsTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Property(tries = 1_000)
  void eachCheckedTicketEventIsTheOneTheMapperBinds(@ForAll("ticketEvents") ObjectNode node)
      throws Exception {
    InboundEvent built = InboundEventCodec.read(node, () -> "assigned");

    ObjectNode complete = node.deepCopy();
    if (!complete.hasNonNull("eventId")) {
      complete.put("eventId", "assigned");
    }
    assertThat(built).isEqualTo(EventJson.mapper().treeToValue(complete, InboundEvent.class));
  }

  @Provide
  Arbitrary<ObjectNode> ticketEvents() {
    Arbitrary<EventType> types =
        Arbitraries.of(
            Arrays.stream(EventType.values())
                .filter(t -> TicketEvent.class.isAssignableFrom(t.javaType()))
                .toList());
    Arbitrary<String> ids =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128);
    Arbitrary<JsonNode> eventIds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, ids.map(JSON::textNode)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(JSON.nullNode())),
            net.jqwik.api.Tuple.of(1, Arbitraries.just((JsonNode) null)));
    Arbitrary<JsonNode> plans =
        Arbitraries.oneOf(
            ids.map(JSON::textNode),
            Arbitraries.just(JSON.nullNode()),
            Arbitraries.just((JsonNode) null));
    return Combinators.combine(types, eventIds, ids, instants(), plans, ids)
        .as(
            (type, eventId, ticket, at, plan, text) -> {
              ObjectNode node = JSON.objectNode().put("type", type.wireName());
              if (eventId != null) {
                node.set("eventId", eventId);
              }
              node.put("ticketId", ticket).put("occurredAt", at).put("source", "desk " + text);
              switch (type) {
                case TICKET_OPENED -> {
                  node.put("customerId", text).put("priority", "P1");
                  if (plan != null) {
                    node.set("planId", plan);
                  }
                }
                case PRIORITY_CHANGED, TICKET_DOWNGRADED -> node.put("priority", "HIGHLY_DEGRADED");
                case TICKET_EXCLUDED -> node.put("reason", ExclusionReason.values()[0].name());
                case AGENT_REPLIED -> node.put("visibility", ReplyVisibility.INTERNAL.name());
                default -> {}
              }
              return node;
            });
  }

  /** occurredAt in the service's strict form and in the other forms java.time accepts. */
  private static Arbitrary<String> instants() {
    return Combinators.combine(
            Arbitraries.integers().between(1970, 2999),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28),
            Arbitraries.integers().between(0, 86_399),
            Arbitraries.of("", ".5", ".123", ".000", ".123456789"),
            Arbitraries.of("Z", "+08:00", "-05:30", "+00:00", "+05:45:30", "-18:00"),
            Arbitraries.of(true, false))
        .as(
            (year, month, day, second, fraction, offset, withSeconds) ->
                "%04d-%02d-%02dT%02d:%02d%s%s"
                    .formatted(
                        year,
                        month,
                        day,
                        second / 3600,
                        second / 60 % 60,
                        withSeconds ? ":%02d%s".formatted(second % 60, fraction) : "",
                        offset));
  }
}
