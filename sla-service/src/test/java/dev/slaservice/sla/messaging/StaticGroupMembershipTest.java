package dev.slaservice.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StaticGroupMembershipTest {

  private static Map<String, Object> consumer(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put("group.id", "sla-service");
    config.put("client.id", clientId);
    return config;
  }

  @Nested
  class GivenAnInstanceId {

    private final StaticGroupMembership membership =
        new StaticGroupMembership(Optional.of("sla-7f9c-8080"), Map.of());

    @Test
    void whenTheConnectorRunsTwoProjectionConsumersThenEachJoinsUnderItsOwnNumber() {
      Map<String, Object> first =
          membership.customize(
              "ticket-events-in$1", null, consumer("kafka-consumer-ticket-events-in$1"));
      Map<String, Object> second =
          membership.customize(
              "ticket-events-in$2", null, consumer("kafka-consumer-ticket-events-in$2"));

      assertThat(first).containsEntry("group.instance.id", "sla-7f9c-8080-1");
      assertThat(second).containsEntry("group.instance.id", "sla-7f9c-8080-2");
      assertThat(membership.joined())
          .isEqualTo(Map.of("sla-service", Set.of("sla-7f9c-8080-1", "sla-7f9c-8080-2")));
    }

    @Test
    void whenItRunsOneThenThatOneJoinsUnderTheInstanceId() {
      assertThat(
              membership.customize(
                  "ticket-events-in", null, consumer("kafka-consumer-ticket-events-in")))
          .containsEntry("group.instance.id", "sla-7f9c-8080");
    }

    @Test
    void thenOtherChannelsAndClientsWithoutAGroupAreLeftAlone() {
      assertThat(
              membership.customize(
                  "dead-letters-out", null, new HashMap<>(Map.of("client.id", "dlq"))))
          .doesNotContainKey("group.instance.id");
      assertThat(membership.customize("ticket-events-in$x", null, consumer("c")))
          .doesNotContainKey("group.instance.id");
      assertThat(membership.joined()).isEmpty();
    }

    @Test
    void thenAnIdSetInTheChannelsOwnSettingsWins() {
      Map<String, Object> config = consumer("kafka-consumer-ticket-events-in$1");
      config.put("group.instance.id", "chosen-by-hand");
      assertThat(membership.customize("ticket-events-in$1", null, config))
          .containsEntry("group.instance.id", "chosen-by-hand");
    }
  }

  @Test
  void withStaticMembershipOffTheConsumersJoinAsDynamicMembers() {
    StaticGroupMembership off = new StaticGroupMembership(Optional.empty(), Map.of());
    assertThat(
            off.customize(
                "ticket-events-in$1", null, consumer("kafka-consumer-ticket-events-in$1")))
        .doesNotContainKey("group.instance.id");
  }
}
