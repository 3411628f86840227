package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.slaservice.events.Metric;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * HTTP → Kafka → PostgreSQL projection and timers → outbox → Kafka, on a real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class BreachPipelineTest {

  private static final Duration WINDOW = Duration.ofSeconds(3);

  @Inject MovableClock clock;

  @Nested
  class GivenAHighPriorityTicketOnWebsoft9Premium {

    @Test
    void whenTheClockPassesTenMinutesThenExactlyOneBreachIsPublishedAndTheTicketReadsBreached() {
      String ticket = Events.newTicketId();
      Instant openedAt = clock.now().truncatedTo(ChronoUnit.SECONDS);
      Intake.accepted(Events.acmePremiumHigh(ticket, openedAt));
      awaitClockState(ticket, "RUNNING");
      given()
          .get("/tickets/{id}", ticket)
          .then()
          .body("clocks[0].deadline", equalTo(openedAt.plus(Duration.ofMinutes(10)).toString()))
          .body("clocks[0].target", equalTo("PT10M"));

      clock.advance(Duration.ofMinutes(10).plusSeconds(1));

      await().atMost(Duration.ofSeconds(30)).until(() -> breaches(ticket).size() == 1);
      await()
          .during(WINDOW)
          .atMost(WINDOW.plusSeconds(5))
          .until(() -> breaches(ticket).size() == 1);
      SlaEvent breach = SlaEventCodec.read(breaches(ticket).get(0).value());
      assertThat(breach).isInstanceOf(SlaEvent.SlaBreached.class);
      assertThat(breach.metric()).isEqualTo(Metric.RESPONSE);
      assertThat(breach.deadline()).isEqualTo(openedAt.plus(Duration.ofMinutes(10)));
      assertThat(breach.customerId()).isEqualTo("acme");
      assertThat(header(breaches(ticket).get(0), "ce_id")).isEqualTo(breach.id());
      assertThat(header(breaches(ticket).get(0), "ce_type")).isEqualTo("SlaBreached");
      given()
          .get("/tickets/{id}", ticket)
          .then()
          .statusCode(200)
          .body("clocks[0].state", equalTo("BREACHED"));
    }

    @Test
    void
        whenHalfAndThreeQuartersOfTheTargetAreUsedThenEachWarningCarriesItsExactInstantAsACloudEvent() {
      String ticket = Events.newTicketId();
      Instant openedAt = clock.now().truncatedTo(ChronoUnit.SECONDS);
      Intake.accepted(Events.acmePremiumHigh(ticket, openedAt));
      awaitClockState(ticket, "RUNNING");

      clock.advance(Duration.ofMinutes(8));

      await().atMost(Duration.ofSeconds(30)).until(() -> warnings(ticket).size() == 2);
      List<SlaEvent> warnings =
          warnings(ticket).stream().map(r -> SlaEventCodec.read(r.value())).toList();
      assertThat(warnings)
          .extracting(w -> ((SlaEvent.SlaWarningReached) w).percent())
          .containsExactly(50, 75);
      assertThat(warnings)
          .extracting(w -> ((SlaEvent.SlaWarningReached) w).reachedAt())
          .containsExactly(
              openedAt.plus(Duration.ofMinutes(5)), openedAt.plus(Duration.ofSeconds(450)));
      ConsumerRecord<String, String> record = warnings(ticket).get(0);
      assertThat(header(record, "ce_id")).isEqualTo(warnings.get(0).id());
      assertThat(header(record, "ce_type")).isEqualTo("SlaWarningReached");
      assertThat(header(record, "ce_source")).isEqualTo("/sla-service");
      assertThat(Instant.parse(header(record, "ce_time"))).isNotNull();
      assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void whenWorkStartsAtMinuteFiveThenItReadsMetAndNothingIsPublished() {
      String ticket = Events.newTicketId();
      Instant openedAt = clock.now();
      Intake.accepted(Events.acmePremiumHigh(ticket, openedAt));
      awaitClockState(ticket, "RUNNING");
      clock.advance(Duration.ofMinutes(5));
      Intake.accepted(Events.simple("WorkStarted", ticket, openedAt.plus(Duration.ofMinutes(5))));
      awaitClockState(ticket, "MET");

      clock.advance(Duration.ofMinutes(6));

      await().during(WINDOW).atMost(WINDOW.plusSeconds(5)).until(() -> breaches(ticket).isEmpty());
      given()
          .get("/tickets/{id}", ticket)
          .then()
          .body("clocks[0].state", equalTo("MET"))
          .body("clocks[0].stoppedAt", equalTo(openedAt.plus(Duration.ofMinutes(5)).toString()));
    }

    @Test
    void whenItWasOpenedElevenMinutesAgoThenTheTimerBreachesItAtOnce() {
      String ticket = Events.newTicketId();
      Intake.accepted(Events.acmePremiumHigh(ticket, clock.now().minus(Duration.ofMinutes(11))));

      await().atMost(Duration.ofSeconds(30)).until(() -> breaches(ticket).size() == 1);
      awaitClockState(ticket, "BREACHED");
    }
  }

  @Nested
  class GivenABreachAlreadyPublished {

    @Test
    void whenALateWorkStartedDisprovesItThenARetractionFollowsAndTheTicketReadsMet() {
      String ticket = Events.newTicketId();
      Instant openedAt = clock.now().minus(Duration.ofMinutes(20));
      Intake.accepted(Events.acmePremiumHigh(ticket, openedAt));
      await().atMost(Duration.ofSeconds(30)).until(() -> breaches(ticket).size() == 1);

      Intake.accepted(Events.simple("WorkStarted", ticket, openedAt.plus(Duration.ofMinutes(4))));

      await().atMost(Duration.ofSeconds(30)).until(() -> breaches(ticket).size() == 2);
      SlaEvent breach = SlaEventCodec.read(breaches(ticket).get(0).value());
      SlaEvent retraction = SlaEventCodec.read(breaches(ticket).get(1).value());
      assertThat(retraction)
          .isInstanceOfSatisfying(
              SlaEvent.SlaBreachRetracted.class,
              r -> assertThat(r.retractedBreachId()).isEqualTo(breach.id()));
      awaitClockState(ticket, "MET");
    }
  }

  private static void awaitClockState(String ticket, String state) {
    // a running clock may already be at risk when it is read
    Matcher<String> reads =
        "RUNNING".equals(state) ? anyOf(equalTo(state), equalTo("AT_RISK")) : equalTo(state);
    Tickets.awaitReading(ticket, reading -> reading.body("clocks[0].state", reads));
  }

  private static List<ConsumerRecord<String, String>> breaches(String ticket) {
    return TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket);
  }

  private static List<ConsumerRecord<String, String>> warnings(String ticket) {
    return TopicSnapshot.forKey(Topics.SLA_WARNINGS, ticket);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
