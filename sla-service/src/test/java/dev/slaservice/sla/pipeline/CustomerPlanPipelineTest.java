package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.slaservice.sla.messaging.DeadLetters;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.InjectKafka;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Plans;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The plan follows the customer (ADR 0013), over HTTP, Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CustomerPlanPipelineTest {

  private static final String STANDARD = "websoft9-standard";

  @Inject MovableClock clock;

  @InjectKafka KafkaCompanion kafka;

  /** A customer on Websoft9 Standard from a month ago, once its subscription is stored. */
  private String standardCustomer() {
    String customer = "plan-follows-" + UUID.randomUUID();
    Intake.send(Events.subscribed(customer, STANDARD, monthAgo(), clock.now())).statusCode(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get("/customers/{id}/subscription", customer).statusCode() == 200);
    return customer;
  }

  private LocalDate monthAgo() {
    return LocalDate.ofInstant(clock.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
  }

  private static void awaitTicketOnPlan(String ticket, String planId) {
    Tickets.awaitKnown(ticket);
    given().get("/tickets/{id}", ticket).then().body("planId", equalTo(planId));
  }

  @Test
  void aTicketWithoutPlanIsJudgedAndPublishedOnTheSubscriptionsPlan() {
    String customer = standardCustomer();
    String ticket = Events.newTicketId();
    // Standard HIGH answers within 3 h: opened 4 h ago, it is breached at once
    Intake.send(
            Events.openedOnSubscription(
                ticket, customer, "HIGH", clock.now().minus(Duration.ofHours(4))))
        .statusCode(202);

    awaitTicketOnPlan(ticket, STANDARD);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).size() == 1);
    assertThat(TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).get(0).value())
        .contains("\"planId\":\"" + STANDARD + "\"");
  }

  @Test
  void aTicketOnAnotherPlanThanTheSubscriptionsIsRefusedSayingWhichPlanSinceWhen() {
    String customer = standardCustomer();
    String ticket = Events.newTicketId();
    Intake.send(Events.opened(ticket, customer, "websoft9-premium", "HIGH", clock.now()))
        .statusCode(400)
        .body("errors[0].field", equalTo("planId"))
        .body(
            "errors[0].message", containsString("gives plan " + STANDARD + " since " + monthAgo()));
    Intake.send(Events.opened(ticket, customer, STANDARD, "HIGH", clock.now())).statusCode(202);
    awaitTicketOnPlan(ticket, STANDARD);
  }

  @Test
  void aPlanThatAllowsAnUpgradeFromTheSubscriptionsPlanOpensTheTicket() {
    String customer = standardCustomer();
    String upgrade = Plans.upgradeOf("websoft9-premium", STANDARD);
    given()
        .get("/plans/{id}", upgrade)
        .then()
        .body("definition.allowsPerTicketUpgradeFrom[0]", equalTo(STANDARD));

    String ticket = Events.newTicketId();
    Intake.send(Events.opened(ticket, customer, upgrade, "HIGH", clock.now())).statusCode(202);
    awaitTicketOnPlan(ticket, upgrade);
  }

  @Test
  void aCustomerWithoutSubscriptionMustNameThePlanAndNothingIsStoredOtherwise() {
    String customer = "unsubscribed-" + UUID.randomUUID();
    String ticket = Events.newTicketId();
    Intake.send(Events.openedOnSubscription(ticket, customer, "HIGH", clock.now()))
        .statusCode(400)
        .body("errors[0].field", equalTo("planId"))
        .body(
            "errors[0].message",
            containsString("customer " + customer + " has no subscription in force"));
    // accepted once it names a plan: had the refused one been stored, the ticket would not be on
    // this plan
    Intake.send(Events.opened(ticket, customer, "emq-5x8", "P1", clock.now())).statusCode(202);
    awaitTicketOnPlan(ticket, "emq-5x8");
  }

  @Test
  void aSubscriptionAndTicketsPostedTogetherAreOpenedOnItWhateverOrderKafkaDeliversThem() {
    String customer = "together-" + UUID.randomUUID();
    String first = Events.newTicketId();
    String second = Events.newTicketId();
    Instant now = clock.now();
    Intake.send(
            Events.batch(
                Events.subscribed(customer, STANDARD, monthAgo(), now),
                Events.openedOnSubscription(first, customer, "HIGH", now),
                Events.openedOnSubscription(second, customer, "NORMAL", now)))
        .statusCode(202);
    awaitTicketOnPlan(first, STANDARD);
    awaitTicketOnPlan(second, STANDARD);

    // a ticket before the subscription in the same request has none to follow
    String early = "early-" + UUID.randomUUID();
    Intake.send(
            Events.batch(
                Events.openedOnSubscription(Events.newTicketId(), early, "HIGH", now),
                Events.subscribed(early, STANDARD, monthAgo(), now)))
        .statusCode(400)
        .body("errors[0].index", equalTo(0));
  }

  @Test
  void recordsOfAnotherProducerThatBreakTheRuleAreDeadLetteredWithTheReasonAndTheOthersApplied() {
    String customer = standardCustomer();
    String wrongPlan = Events.newTicketId();
    String noPlan = Events.newTicketId();
    String resolved = Events.newTicketId();
    String unsubscribed = "unsubscribed-" + UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            new ProducerRecord<>(
                Topics.TICKET_EVENTS,
                wrongPlan,
                Events.opened(wrongPlan, customer, "websoft9-premium", "HIGH", clock.now())),
            new ProducerRecord<>(
                Topics.TICKET_EVENTS,
                noPlan,
                Events.openedOnSubscription(noPlan, unsubscribed, "HIGH", clock.now())),
            new ProducerRecord<>(
                Topics.TICKET_EVENTS,
                resolved,
                Events.openedOnSubscription(resolved, customer, "HIGH", clock.now())))
        .awaitCompletion();

    awaitTicketOnPlan(resolved, STANDARD);
    assertThat(deadLetterReason(wrongPlan)).contains("gives plan " + STANDARD);
    assertThat(deadLetterReason(noPlan)).contains("has no subscription in force");
    given().get("/tickets/{id}", wrongPlan).then().statusCode(404);
    given().get("/tickets/{id}", noPlan).then().statusCode(404);
  }

  private static String deadLetterReason(String ticket) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, ticket).size() == 1);
    ConsumerRecord<String, String> letter =
        TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, ticket).get(0);
    return new String(
        letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
  }
}
