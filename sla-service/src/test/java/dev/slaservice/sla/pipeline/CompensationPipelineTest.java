package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.events.CompensationEvent;
import dev.slaservice.events.CompensationEventCodec;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Plans;
import dev.slaservice.sla.support.Rebuilds;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Websoft9 service credits from breaches through claims, over the real broker and database. The
 * tickets open on 10 November 2026 and the claims come on 1 December, so the service's clock reads
 * 2 December 2026 throughout: what each ticket earns does not change with the date the tests run.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CompensationPipelineTest {

  private static final Instant NOV_10 =
      OffsetDateTime.parse("2026-11-10T10:00:00+08:00").toInstant();
  private static final Instant DEC_2 =
      OffsetDateTime.parse("2026-12-02T12:00:00+08:00").toInstant();

  @Inject MovableClock clock;

  @BeforeEach
  void judgedOnTheSecondOfDecember() {
    clock.runFrom(DEC_2);
  }

  @AfterEach
  void wallTimeAgain() {
    clock.reset();
  }

  /** TicketOpened events of {@code count} Standard HIGH tickets, a second apart from NOV_10. */
  private static String[] standardHighTickets(String customer, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                Events.opened(
                    Events.newTicketId(),
                    customer,
                    "websoft9-standard",
                    "HIGH",
                    NOV_10.plusSeconds(i)))
        .toArray(String[]::new);
  }

  /**
   * A subscribed customer with {@code count} breached Standard HIGH tickets, once November's
   * statement shows them eligible for {@code total}.
   */
  private static String customerWithBreachedTickets(int count, String total) {
    String customer = subscribedCustomer();
    Intake.accepted(standardHighTickets(customer, count));
    awaitStatement(customer, total, "ELIGIBLE");
    // a capped total is reached before every ticket is counted
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> novemberStatement(customer).path("tickets.size()").equals(count));
    return customer;
  }

  @Test
  void threeBreachesAreEligibleUntilClaimedThenOneIssueOfOneHundredFiftyForDecember() {
    String customer = customerWithBreachedTickets(3, "150.00");
    novemberStatement(customer)
        .then()
        .body("creditMonth", equalTo("2026-12"))
        .body("claimed", equalTo(false))
        .body("tickets.size()", equalTo(3));
    // the statement is read from the books at once; its records follow through the compensation
    // drain
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(compensations(customer))
                    .extracting(CompensationEvent::typeName)
                    .containsOnly("CompensationAccrued")
                    .hasSize(3));
    // the reasons, in both languages on the topic and in the reader's language in the statement
    assertThat(compensations(customer))
        .map(CompensationEvent.CompensationAccrued.class::cast)
        .allSatisfy(
            a -> {
              assertThat(a.reason())
                  .isEqualTo(
                      "5 % of the fee in force at the breach (1000.00 USD) for missing [RESPONSE]");
              assertThat(a.reasonZh()).isEqualTo("未达成 [响应]，按违约时有效月费（1000.00 USD）的 5% 补偿");
            });
    given()
        .header("Accept-Language", "zh-CN")
        .get("/customers/{id}/compensation?month=2026-11", customer)
        .then()
        .body("tickets[0].reason", equalTo("未达成 [响应]，按违约时有效月费（1000.00 USD）的 5% 补偿"));
    novemberStatement(customer).then().body("tickets[0].reason", startsWith("5 % of the fee"));

    claimNovember(customer);

    awaitStatement(customer, "150.00", "ISSUED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                compensations(customer).stream()
                    .anyMatch(CompensationEvent.CompensationIssued.class::isInstance));
    List<CompensationEvent.CompensationIssued> issued =
        compensations(customer).stream()
            .filter(CompensationEvent.CompensationIssued.class::isInstance)
            .map(CompensationEvent.CompensationIssued.class::cast)
            .toList();
    assertThat(issued)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.amount()).isEqualByComparingTo("150.00");
              assertThat(i.creditMonth()).hasToString("2026-12");
              assertThat(i.tickets()).hasSize(3);
              assertThat(i.capped()).isFalse();
            });
  }

  @Test
  void replayingTheEventStoreReproducesTheStatementsAndPublishesNothingNew() {
    String customer = subscribedCustomer();
    Intake.accepted(standardHighTickets(customer, 2));
    claimNovember(customer);
    awaitStatement(customer, "100.00", "ISSUED");
    await().atMost(Duration.ofSeconds(30)).until(() -> compensations(customer).size() == 3);
    String before = novemberStatement(customer).asString();
    int breachRecords = TopicSnapshot.read(Topics.SLA_BREACHES).size();

    Rebuilds.runAndWait(true);

    assertThat(novemberStatement(customer).asString()).isEqualTo(before);
    Rebuilds.runAndWait(false);
    assertThat(novemberStatement(customer).asString()).isEqualTo(before);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(8))
        .until(
            () ->
                compensations(customer).size() == 3
                    && TopicSnapshot.read(Topics.SLA_BREACHES).size() == breachRecords);
  }

  @Test
  void twentyFiveBreachesAreCappedAtTheMonthlyFee() {
    String customer = customerWithBreachedTickets(25, "1000.00");
    novemberStatement(customer)
        .then()
        .body("capped", equalTo(true))
        .body("subtotal", equalTo("1250.00"));
  }

  @Test
  void excludedAndRetractedTicketsEarnNothingAndTwoBreachedClocksEarnOneCredit() {
    String customer = subscribedCustomer();
    String excluded = Events.newTicketId();
    String downgraded = Events.newTicketId();
    String twoClocks = Events.newTicketId();
    // a Standard customer opens tickets on other plans through plans that allow it (a per-ticket
    // upgrade)
    String premium = Plans.upgradeOf("websoft9-premium", "websoft9-standard");
    String emq = Plans.upgradeOf("emq-7x24", "websoft9-standard");
    Intake.accepted(
        Events.batch(
            Events.opened(excluded, customer, "websoft9-standard", "HIGH", NOV_10),
            """
        {"type":"TicketExcluded","ticketId":"%s","occurredAt":"2026-11-10T11:00:00+08:00","source":"desk",
         "reason":"FORCE_MAJEURE"}"""
                .formatted(excluded),
            Events.opened(downgraded, customer, premium, "HIGH", NOV_10),
            Events.simple("WorkStarted", downgraded, NOV_10.plus(Duration.ofMinutes(30))),
            Events.opened(twoClocks, customer, emq, "P1", NOV_10),
            // fixed on the second day, well inside its 15 days: response and restore stay breached,
            // fix is met
            Events.simple("TicketResolved", twoClocks, NOV_10.plus(Duration.ofDays(2)))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.SLA_BREACHES, downgraded).size() == 1);

    Intake.accepted(
        Events.priority(
            "TicketDowngraded", downgraded, "NORMAL", NOV_10.plus(Duration.ofMinutes(40))));

    awaitStatement(customer, "50.00", "ELIGIBLE");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> novemberStatement(customer).path("tickets.size()").equals(2));
    novemberStatement(customer)
        .then()
        .body("tickets.find { it.ticketId == '%s' }.eligible".formatted(excluded), equalTo(false))
        .body("tickets.find { it.ticketId == '%s' }.credit".formatted(twoClocks), equalTo("50.00"))
        .body(
            "tickets.find { it.ticketId == '%s' }.metrics.size()".formatted(twoClocks), equalTo(2));
  }

  @Test
  void anUnknownCustomerIsNotFoundAndABadMonthIsABadRequest() {
    given()
        .get("/customers/{id}/compensation?month=2026-11", "nobody-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
    given()
        .get("/customers/{id}/compensation?month=November", subscribedCustomer())
        .then()
        .statusCode(400)
        .body("detail", containsString("YYYY-MM"));
    given()
        .get("/customers/{id}/subscription", "nobody-" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  private static String subscribedCustomer() {
    String customer = "cust-" + UUID.randomUUID();
    Intake.accepted(
        """
        {"type":"SubscriptionChanged","customerId":"%s","occurredAt":"2026-01-01T00:00:00Z","source":"billing",
         "planId":"websoft9-standard","monthlyFee":"1000.00","currency":"USD","timeZone":"Asia/Shanghai",
         "effectiveFrom":"2026-01-01"}"""
            .formatted(customer));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get("/customers/{id}/subscription", customer).statusCode() == 200);
    given()
        .get("/customers/{id}/subscription", customer)
        .then()
        .body("monthlyFee", equalTo("1000.00"))
        .body("timeZone", equalTo("Asia/Shanghai"));
    return customer;
  }

  /** The customer's statement of November 2026, in the default language. */
  private static Response novemberStatement(String customer) {
    return given().get("/customers/{id}/compensation?month=2026-11", customer);
  }

  private static void claimNovember(String customer) {
    Intake.accepted(
        """
        {"type":"CompensationClaimed","customerId":"%s","occurredAt":"2026-12-01T09:00:00+08:00","source":"portal",
         "month":"2026-11"}"""
            .formatted(customer));
  }

  private static void awaitStatement(String customer, String total, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var response = novemberStatement(customer);
              return response.statusCode() == 200
                  && total.equals(response.path("total"))
                  && status.equals(response.path("status"));
            });
  }

  private static List<CompensationEvent> compensations(String customer) {
    return TopicSnapshot.forKey(Topics.SLA_COMPENSATIONS, customer).stream()
        .map(r -> CompensationEventCodec.read(r.value()))
        .toList();
  }
}
