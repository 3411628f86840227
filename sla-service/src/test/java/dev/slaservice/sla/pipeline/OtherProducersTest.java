package dev.slaservice.sla.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.InjectKafka;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Valid records another producer puts on ticket-events: the event store keeps the bytes that were
 * read and checked, unless the consumer itself completed the event.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class OtherProducersTest {

  /** A whole second spelled with zero milliseconds: the service writes no fraction for it. */
  private static final DateTimeFormatter WITH_ZERO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.'000'XXX");

  @InjectKafka KafkaCompanion kafka;

  @Inject MovableClock clock;

  @Inject Database database;

  private void produce(String key, String value) {
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.TICKET_EVENTS, key, value))
        .awaitCompletion();
  }

  /** A TicketOpened at the clock's now, its instant spelled with zero milliseconds. */
  private record Opening(String ticket, String eventId, String occurredAt) {
    Opening(MovableClock clock) {
      this(
          Events.newTicketId(),
          UUID.randomUUID().toString(),
          clock.now().atOffset(ZoneOffset.ofHours(8)).format(WITH_ZERO_MILLIS));
    }
  }

  private List<String> stored(String eventId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                database.count("select count(*) from event_store where event_id = $1", eventId)
                    == 1);
    return database
        .rows(
            "select payload->>'occurredAt', payload->>'planId' from event_store where event_id = $1",
            eventId)
        .get(0);
  }

  @Nested
  class GivenAValidRecordTheConsumerLeavesAsItIs {

    @Test
    void thenTheStoreKeepsItsOwnSpellingOfTheInstant() {
      Opening opening = new Opening(clock);
      // the fields in another order than the service writes them, and the service would write the
      // instant without the fraction
      produce(
          opening.ticket(),
          """
              {"eventId":"%s", "type":"TicketOpened", "ticketId":"%s", "occurredAt":"%s",
               "source":"other-producer", "customerId":"acme", "planId":"websoft9-standard",
               "priority":"NORMAL"}"""
              .formatted(opening.eventId(), opening.ticket(), opening.occurredAt()));

      assertThat(stored(opening.eventId()))
          .containsExactly(opening.occurredAt(), "websoft9-standard");
    }
  }

  @Nested
  class GivenAnOpeningWithoutPlanForASubscribedCustomer {

    @Test
    void thenTheStoreKeepsTheEventWithThePlanTheConsumerGaveIt() {
      String customer = "other-producer-" + UUID.randomUUID();
      Intake.accepted(
          Events.subscribed(
              customer,
              "websoft9-premium",
              clock.now().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1),
              clock.now()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  database.count(
                          "select count(*) from event_store where customer_id = $1", customer)
                      == 1);
      Opening opening = new Opening(clock);
      produce(
          opening.ticket(),
          """
              {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s",
               "source":"other-producer","customerId":"%s","priority":"HIGH"}"""
              .formatted(opening.eventId(), opening.ticket(), opening.occurredAt(), customer));

      List<String> row = stored(opening.eventId());
      assertThat(row.get(1)).isEqualTo("websoft9-premium");
      assertThat(row.get(0)).as("written anew by the service").isNotEqualTo(opening.occurredAt());
    }
  }
}
