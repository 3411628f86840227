package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.clock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One scenario per seed vendor, through HTTP → Kafka → projection → GET /tickets and sla-breaches.
 * The scenarios open tickets on Friday 13 November 2026; the service's clock reads the following
 * Friday, when their response and restore deadlines have passed and EMQ's fix targets (50 service
 * days) have not, whatever the date the tests run.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class SeedPlanPipelineTest {

  private static final Instant FRIDAY_AFTER = Instant.parse("2026-11-20T04:00:00Z");

  @Inject MovableClock clock;

  @BeforeEach
  void aWeekLater() {
    clock.runFrom(FRIDAY_AFTER);
  }

  @AfterEach
  void wallTimeAgain() {
    clock.reset();
  }

  @Test
  void emqFiveByEightP1OpenedFridayEveningBreachesResponseAtMonday1100AndRestoreAt1700() {
    String ticket = Events.newTicketId();
    Intake.accepted(
        Events.opened(
            ticket,
            "acme",
            "emq-5x8",
            "P1",
            OffsetDateTime.parse("2026-11-13T18:30:00+08:00").toInstant()));

    Map<Metric, Instant> deadlines = awaitBreaches(ticket, 2);
    assertThat(deadlines)
        .containsEntry(Metric.RESPONSE, Instant.parse("2026-11-16T03:00:00Z"))
        .containsEntry(Metric.RESTORE, Instant.parse("2026-11-16T09:00:00Z"));
    awaitClock(ticket, "RESPONSE", "BREACHED");
  }

  @Test
  void emqSevenByTwentyFourP2WithWorkStartedInTimeIsMetWhileRestoreRuns() {
    String ticket = Events.newTicketId();
    Instant opened = clock.now().minus(Duration.ofHours(3));
    // WorkStarted first: the consumer may read a request's events in two batches, and TicketOpened
    // alone (three hours ago) would be a breach until WorkStarted disproves it
    Intake.accepted(
        Events.batch(
            Events.simple("WorkStarted", ticket, opened.plus(Duration.ofMinutes(30))),
            Events.opened(ticket, "acme", "emq-7x24", "P2", opened)));

    awaitClock(ticket, "RESPONSE", "MET");
    awaitClock(ticket, "RESTORE", "RUNNING");
    given()
        .get("/tickets/{id}", ticket)
        .then()
        .body(
            "clocks.find { it.metric == 'RESTORE' }.deadline",
            Matchers.equalTo(opened.plus(Duration.ofHours(48)).toString()));
    assertThat(TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket)).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicSnapshot.forKey(Topics.SLA_CLOCKS, ticket).stream()
                    .map(r -> SlaEventCodec.read(r.value()))
                    .anyMatch(e -> e instanceof SlaEvent.SlaMet && e.metric() == Metric.RESPONSE));
  }

  @Test
  void orangeskyHighlyDegradedOpenedFridayAt1659BreachesAtSunday1859PacificTime() {
    String ticket = Events.newTicketId();
    Intake.accepted(
        Events.opened(
            ticket,
            "acme",
            "orangesky",
            "HIGHLY_DEGRADED",
            OffsetDateTime.parse("2026-11-13T16:59:00-08:00").toInstant()));

    assertThat(awaitBreaches(ticket, 1))
        .containsEntry(Metric.RESPONSE, Instant.parse("2026-11-16T02:59:00Z"));
  }

  @Test
  void aCustomersContractZoneMovesEmqServiceHours() {
    String customer = "berlin-" + UUID.randomUUID();
    String ticket = Events.newTicketId();
    Intake.accepted(
        """
        {"type":"SubscriptionChanged","customerId":"%s","occurredAt":"2026-01-01T00:00:00Z","source":"crm",
         "planId":"emq-5x8","monthlyFee":"1000.00","currency":"EUR","timeZone":"Europe/Berlin",
         "effectiveFrom":"2026-01-01"}"""
            .formatted(customer));
    Intake.accepted(
        Events.opened(
            ticket,
            customer,
            "emq-5x8",
            "P1",
            OffsetDateTime.parse("2026-11-13T18:30:00+01:00").toInstant()));

    Tickets.awaitReading(
        ticket,
        reading -> reading.body(clock("RESPONSE", "deadline"), equalTo("2026-11-16T10:00:00Z")));
  }

  private static Map<Metric, Instant> awaitBreaches(String ticket, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).size() == count);
    List<SlaEvent> breaches =
        TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).stream()
            .map(r -> SlaEventCodec.read(r.value()))
            .toList();
    assertThat(breaches).allMatch(SlaEvent.SlaBreached.class::isInstance);
    return breaches.stream().collect(Collectors.toMap(SlaEvent::metric, SlaEvent::deadline));
  }

  private static void awaitClock(String ticket, String metric, String state) {
    Tickets.awaitReading(ticket, reading -> reading.body(clock(metric, "state"), equalTo(state)));
  }
}
