package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.clock;
import static dev.slaservice.sla.support.Tickets.readAsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.slaservice.events.Metric;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.sla.domain.sla.StableIds;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Plans;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NEXT_REPLY over HTTP → Kafka → PostgreSQL → Kafka: a plan defined with PUT /plans, a customer
 * reply left unanswered past its target, then answered and followed by a second one. Every instant
 * is taken from the service's clock, which the test moves.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class ReplyMetricsPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration WINDOW = Duration.ofSeconds(3);
  private static final String PLAN =
      """
      {"names": {"en": "Replies in 2 h", "zh": "两小时回复"},
       "priorities": [{"id": "P1", "names": {"en": "Urgent", "zh": "紧急"},
         "targets": {"NEXT_REPLY": {"target": "PT2H", "calendarId": "24x7"}}}],
       "warningPercents": [50]}""";

  @Inject MovableClock clock;

  @AfterEach
  void letTimeRun() {
    clock.unfreeze();
  }

  @Test
  void anUnansweredCustomerReplyBreachesOnceForItsCycleAndTheNextCycleBreachesOnItsOwn() {
    Instant t = clock.freeze();
    String plan = "replies-" + UUID.randomUUID();
    Plans.put(plan, PLAN).statusCode(201);
    String ticket = Events.newTicketId();
    Intake.accepted(Events.opened(ticket, "acme", plan, "P1", t));

    Instant firstCycle = moveTo(t.plus(Duration.ofMinutes(10)));
    Intake.accepted(Events.simple("CustomerReplied", ticket, firstCycle));
    awaitNextReply(ticket, firstCycle, "RUNNING");
    given()
        .get("/tickets/{id}", ticket)
        .then()
        .body(clock("NEXT_REPLY", "deadline"), equalTo(firstCycle.plus(hours(2)).toString()));

    moveTo(firstCycle.plus(hours(2)).plusSeconds(1));
    awaitNextReplyBreaches(ticket, 1);
    SlaEvent first = nextReplyBreaches(ticket).get(0);
    assertThat(first.deadline()).isEqualTo(firstCycle.plus(hours(2)));
    assertThat(first.id()).isEqualTo(cycleBreachId(ticket, firstCycle));
    awaitNextReply(ticket, firstCycle, "BREACHED");

    Instant answered = moveTo(t.plus(hours(3)));
    Intake.accepted(replied(ticket, answered));
    Instant secondCycle = moveTo(answered.plus(Duration.ofMinutes(5)));
    Intake.accepted(Events.simple("CustomerReplied", ticket, secondCycle));
    awaitNextReply(ticket, secondCycle, "RUNNING");

    moveTo(secondCycle.plus(hours(2)).plusSeconds(1));
    awaitNextReplyBreaches(ticket, 2);
    SlaEvent second = nextReplyBreaches(ticket).get(1);
    assertThat(second.id()).isEqualTo(cycleBreachId(ticket, secondCycle)).isNotEqualTo(first.id());
    assertThat(second.deadline()).isEqualTo(secondCycle.plus(hours(2)));
    await().atMost(WAIT).until(() -> TopicSnapshot.forKey(Topics.SLA_WARNINGS, ticket).size() == 2);

    // as of 65 minutes into the first cycle: past its 50 % warning share, not yet breached
    readAsOf(ticket, firstCycle.plus(Duration.ofMinutes(65)))
        .statusCode(200)
        .body(clock("NEXT_REPLY", "state"), equalTo("AT_RISK"))
        .body(clock("NEXT_REPLY", "cycleStartedAt"), equalTo(firstCycle.toString()));
    given()
        .get("/tickets/{id}/timeline", ticket)
        .then()
        .statusCode(200)
        .body(
            "steps.findAll { it.cause == 'DEADLINE_PASSED' && it.metric == 'NEXT_REPLY' }.at",
            hasItems(firstCycle.plus(hours(2)).toString(), secondCycle.plus(hours(2)).toString()))
        .body("steps.findAll { it.eventType == 'AgentReplied' }.size()", equalTo(1));
  }

  private Instant moveTo(Instant instant) {
    clock.freezeAt(instant);
    return instant;
  }

  private static Duration hours(int hours) {
    return Duration.ofHours(hours);
  }

  private static String cycleBreachId(String ticket, Instant cycleStart) {
    return StableIds.of(
        ticket, "BREACH/NEXT_REPLY/" + cycleStart.plus(hours(2)) + "/CYCLE/" + cycleStart);
  }

  private static String replied(String ticket, Instant at) {
    return """
        {"type":"AgentReplied","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"test-desk",
         "visibility":"PUBLIC"}"""
        .formatted(UUID.randomUUID(), ticket, at);
  }

  /** Waits until the ticket has {@code count} NEXT_REPLY breaches, and no more come for a while. */
  private static void awaitNextReplyBreaches(String ticket, int count) {
    await().atMost(WAIT).until(() -> nextReplyBreaches(ticket).size() == count);
    await()
        .during(WINDOW)
        .atMost(WINDOW.plusSeconds(5))
        .until(() -> nextReplyBreaches(ticket).size() == count);
  }

  private static void awaitNextReply(String ticket, Instant cycleStart, String state) {
    Tickets.awaitReading(
        ticket,
        reading ->
            reading
                .body(clock("NEXT_REPLY", "cycleStartedAt"), equalTo(cycleStart.toString()))
                .body(clock("NEXT_REPLY", "state"), equalTo(state)));
  }

  private static List<SlaEvent> nextReplyBreaches(String ticket) {
    return TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).stream()
        .map(r -> SlaEventCodec.read(r.value()))
        .filter(e -> e instanceof SlaEvent.SlaBreached && e.metric() == Metric.NEXT_REPLY)
        .toList();
  }
}
