package dev.slaservice.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slaservice.sla.persistence.Outbox;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The relay's crash window against a real broker: a batch committed to Kafka whose outbox rows were
 * never deleted is recognised by the next relay, and a relay that was replaced cannot publish.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class RelayRecoveryTest {

  private final String run = UUID.randomUUID().toString();
  private final String progressTopic = "relay-progress-test-" + run;
  private final String transactionalId = "relay-test-" + run;

  private TransactionalRelayProducer relay() {
    return new TransactionalRelayProducer(
        Map.of("bootstrap.servers", SlaStackResource.bootstrapServers()),
        transactionalId,
        progressTopic,
        Duration.ofSeconds(10));
  }

  private Outbox.Entry entry(long id) {
    return new Outbox.Entry(
        id,
        new Outbox.Message(
            Topics.SLA_CLOCKS,
            "relay-test-" + run,
            run + "-" + id,
            "SlaMet",
            "test-plan",
            "RESPONSE",
            "{\"n\":" + id + "}",
            Instant.now()));
  }

  private List<String> published() {
    return TopicSnapshot.read(SlaStackResource.bootstrapServers(), Topics.SLA_CLOCKS).stream()
        .filter(r -> ("relay-test-" + run).equals(r.key()))
        .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
        .toList();
  }

  @Nested
  class GivenABatchCommittedToKafkaButNotDeletedFromTheOutbox {

    @Test
    void theNextRelayLearnsItsIdsAndTheOldRelayIsFenced() {
      try (TransactionalRelayProducer first = relay();
          TransactionalRelayProducer next = relay()) {
        assertThat(first.recover()).as("a relay that never published").isEmpty();
        first.publish(List.of(entry(7), entry(8), entry(9)));
        // the process dies here, before its database transaction deletes rows 7 to 9

        assertThat(next.recover()).containsExactly(7L, 8L, 9L);
        assertThatThrownBy(() -> first.publish(List.of(entry(10))))
            .as("the replaced relay")
            .isInstanceOf(KafkaException.class);

        next.publish(List.of(entry(10)));
        assertThat(published()).containsExactly(run + "-7", run + "-8", run + "-9", run + "-10");
      }
    }

    @Test
    void aBatchOfAFencedRelayIsNeitherVisibleNorReported() {
      try (TransactionalRelayProducer first = relay();
          TransactionalRelayProducer next = relay()) {
        first.recover();
        first.publish(List.of(entry(1), entry(2)));
        try (TransactionalRelayProducer cut = relay()) {
          cut.recover();
          // a batch that a fenced relay could not finish leaves nothing behind
          assertThatThrownBy(() -> first.publish(List.of(entry(3))))
              .isInstanceOf(KafkaException.class);
        }
        assertThat(next.recover()).containsExactly(1L, 2L);
        assertThat(published()).containsExactly(run + "-1", run + "-2");
      }
    }
  }
}
