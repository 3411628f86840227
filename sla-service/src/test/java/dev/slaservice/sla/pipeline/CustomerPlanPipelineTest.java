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
import java.util.function.Function;
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
    String unsubscribed = "unsubscribed-" + UUID.randomUUID();
    ProducerRecord<String, String> wrongPlan =
        ticketRecord(t -> Events.opened(t, customer, "websoft9-premium", "HIGH", clock.now()));
    ProducerRecord<String, String> noPlan =
        ticketRecord(t -> Events.openedOnSubscription(t, unsubscribed, "HIGH", clock.now()));
    ProducerRecord<String, String> resolved =
        ticketRecord(t -> Events.openedOnSubscription(t, customer, "HIGH", clock.now()));
    kafka.produceStrings().fromRecords(wrongPlan, noPlan, resolved).awaitCompletion();

    awaitTicketOnPlan(resolved.key(), STANDARD);
    assertThat(deadLetterReason(wrongPlan.key())).contains("gives plan " + STANDARD);
    assertThat(deadLetterReason(noPlan.key())).contains("has no subscription in force");
    given().get("/tickets/{id}", wrongPlan.key()).then().statusCode(404);
    given().get("/tickets/{id}", noPlan.key()).then().statusCode(404);
  }

  /** A new ticket's event as another producer writes it, keyed by the ticket. */
  private static ProducerRecord<String, String> ticketRecord(Function<String, String> eventOf) {
    String ticket = Events.newTicketId();
    return new ProducerRecord<>(Topics.TICKET_EVENTS, ticket, eventOf.apply(ticket));
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
