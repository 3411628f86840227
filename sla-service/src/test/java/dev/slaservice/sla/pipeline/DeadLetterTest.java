package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.messaging.DeadLetters;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.InjectKafka;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Records another producer puts on ticket-events that are not valid events. */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class DeadLetterTest {

  @InjectKafka KafkaCompanion kafka;

  @Inject MovableClock clock;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all                                                        | is not JSON",
        "{\"type\":\"TicketTeleported\",\"eventId\":\"x\"}                       | unknown event type",
        "{\"type\":\"WorkStarted\",\"eventId\":\"x\",\"source\":\"s\"}             | ticketId: is required",
        "{\"type\":\"WorkStarted\",\"ticketId\":\"t\",\"occurredAt\":\"2026-11-02T09:30:00Z\",\"source\":\"s\"} | eventId: is required"
      })
  void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndThePartitionGoesOn(
      String value, String reason) {
    String ticket = Events.newTicketId();
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.TICKET_EVENTS, ticket, value.strip()))
        .awaitCompletion();
    Intake.accepted(Events.opened(ticket, "acme", "websoft9-standard", "NORMAL", clock.now()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, ticket).size() == 1);
    ConsumerRecord<String, String> letter =
        TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, ticket).get(0);
    assertThat(letter.value()).isEqualTo(value.strip());
    assertThat(
            new String(
                letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
        .contains(reason);
    Tickets.awaitKnown(ticket);
    assertThat(List.of(letter.headers().lastHeader(DeadLetters.ORIGINAL_TOPIC).value()))
        .singleElement()
        .satisfies(
            v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo(Topics.TICKET_EVENTS));
  }

  @Inject Database database;

  @Test
  void anEventTheDatabaseKeepsRefusingIsDeadLetteredAndTheOthersOfItsBatchAreApplied() {
    database.rows(
        "create or replace function refuse_poison_ticket() returns trigger language plpgsql as"
            + " $$ begin if new.ticket_id like 'T-POISON-%' then raise exception 'refused by the test trigger'; end if;"
            + " return new; end $$");
    database.rows(
        "create trigger refuse_poison_ticket before insert on event_store for each row"
            + " execute function refuse_poison_ticket()");
    try {
      String before = Events.newTicketId();
      String poison = "T-POISON-" + UUID.randomUUID();
      String after = Events.newTicketId();
      Intake.accepted(
          Events.batch(
              Events.opened(before, "acme", "websoft9-standard", "NORMAL", clock.now()),
              Events.opened(poison, "acme", "websoft9-standard", "NORMAL", clock.now()),
              Events.opened(after, "acme", "websoft9-standard", "NORMAL", clock.now())));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, poison).size() == 1);
      ConsumerRecord<String, String> letter =
          TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, poison).get(0);
      assertThat(
              new String(
                  letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
          .contains("could not be applied")
          .contains("refused by the test trigger");
      Tickets.awaitKnown(before, after);
      given().get("/tickets/{id}", poison).then().statusCode(404);
    } finally {
      database.rows("drop trigger refuse_poison_ticket on event_store");
    }
  }
}
