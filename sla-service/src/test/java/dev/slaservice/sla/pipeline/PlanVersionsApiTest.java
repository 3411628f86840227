package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.clock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Plans;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plans defined and versioned over REST, and tickets judged by the version in force when they
 * opened.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class PlanVersionsApiTest {

  private static final Instant T = Instant.parse("2027-03-01T08:00:00Z");

  @Inject MovableClock clock;

  @AfterEach
  void letTimeRun() {
    clock.unfreeze();
  }

  private static String gold(String responseTarget, String effectiveFrom) {
    return """
        {%s"names": {"en": "Gold", "zh": "黄金"},
         "priorities": [{"id": "URGENT", "names": {"en": "Urgent", "zh": "紧急"},
           "targets": {"RESPONSE": {"target": "%s", "calendarId": "24x7"},
                       "RESOLUTION": {"serviceDays": 2, "calendarId": "emq-5x8"}}}],
         "compensation": {"kind": "PERCENT_PER_BREACHED_TICKET", "percentOfMonthlyFee": 3}}"""
        .formatted(
            effectiveFrom == null ? "" : "\"effectiveFrom\": \"" + effectiveFrom + "\", ",
            responseTarget);
  }

  private static void open(String ticket, String planId, Instant at) {
    Intake.accepted(Events.opened(ticket, "acme", planId, "URGENT", at));
  }

  private static void awaitResponseDeadline(String ticket, int planVersion, Instant deadline) {
    Tickets.awaitReading(
        ticket,
        reading ->
            reading
                .body("planVersion", equalTo(planVersion))
                .body(clock("RESPONSE", "deadline"), equalTo(deadline.toString())));
  }

  @Test
  void aNewPlanAndAVersionFromLaterOnJudgeOnlyTicketsOpenedWhileTheyAreInForce() {
    String plan = "gold-" + UUID.randomUUID();
    clock.freezeAt(T);
    Plans.put(plan, gold("PT4H", null))
        .statusCode(201)
        .body("version", equalTo(1))
        .body("effectiveFrom", equalTo(T.toString()))
        .body("versions", contains(1))
        .body("priorities[0].clocks.find { it.metric == 'RESOLUTION' }.target", equalTo("PT18H"));
    Plans.put(plan, gold("PT2H", T.plus(Duration.ofHours(1)).toString()))
        .statusCode(200)
        .body("version", equalTo(2))
        .body("versions", contains(1, 2));

    String before = Events.newTicketId();
    open(before, plan, T.plus(Duration.ofMinutes(10)));
    clock.freezeAt(T.plus(Duration.ofHours(2)));
    String after = Events.newTicketId();
    open(after, plan, T.plus(Duration.ofMinutes(90)));

    awaitResponseDeadline(before, 1, T.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(4)));
    awaitResponseDeadline(after, 2, T.plus(Duration.ofMinutes(90)).plus(Duration.ofHours(2)));
  }

  @Test
  void everyVersionReadsBackAsItWasDefinedInEitherLanguage() {
    String plan = "read-" + UUID.randomUUID();
    Plans.put(plan, gold("PT4H", null)).statusCode(201);
    Plans.put(plan, gold("PT3H", null)).statusCode(200);

    given()
        .queryParam("version", 1)
        .get("/plans/{id}", plan)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("versions", contains(1, 2))
        .body("definition.priorities[0].targets.RESPONSE.target", equalTo("PT4H"))
        .body("definition.priorities[0].targets.RESOLUTION.serviceDays", equalTo(2))
        .body(
            "definition.priorities[0].targets.RESOLUTION.pausesWhileWaitingOnCustomer",
            equalTo(true))
        .body("definition.compensation.percentOfMonthlyFee", equalTo(3))
        .body("definition.warningPercents", contains(50, 75))
        .body("retiredAt", nullValue());
    given()
        .header("Accept-Language", "zh-CN")
        .get("/plans/{id}", plan)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("displayName", equalTo("黄金"))
        .body("priorities[0].displayName", equalTo("紧急"))
        .body("definition.priorities[0].targets.RESPONSE.target", equalTo("PT3H"));
    given().queryParam("version", 3).get("/plans/{id}", plan).then().statusCode(404);
    given()
        .get("/plans")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(plan, "websoft9-standard"));
  }

  @Test
  void aRetiredVersionOpensNoNewTicketButIsKept() {
    String plan = "retire-" + UUID.randomUUID();
    Plans.put(plan, gold("PT4H", null)).statusCode(201);
    String early = Events.newTicketId();
    open(early, plan, clock.now().minus(Duration.ofMinutes(1)));

    given()
        .post("/plans/{id}/versions/1/retire", plan)
        .then()
        .statusCode(200)
        .body("retiredAt", notNullValue());
    Intake.send(
            Events.opened(
                Events.newTicketId(),
                "acme",
                plan,
                "URGENT",
                clock.now().plus(Duration.ofSeconds(1))))
        .statusCode(400)
        .body("errors[0].field", equalTo("planId"))
        .body("errors[0].message", containsString("retired"));
    given().get("/plans/{id}", plan).then().statusCode(200).body("retiredAt", notNullValue());
    Tickets.awaitReading(early, reading -> reading.body("planVersion", equalTo(1)));
    given().post("/plans/{id}/versions/7/retire", plan).then().statusCode(404);
    given()
        .post("/plans/websoft9-standard/versions/1/retire")
        .then()
        .statusCode(400)
        .body("detail", containsString("ships with the service"));
  }

  @Test
  void anInvalidDefinitionIsRefusedWithTheJsonPathOfEveryProblemAndNothingIsStored() {
    String plan = "bad-" + UUID.randomUUID();
    String body = gold("-PT4H", null).replace("\"emq-5x8\"", "\"nowhere\"");
    Plans.put(plan, body)
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body(
            "errors.field",
            contains(
                "$.priorities[0].targets.RESPONSE.target",
                "$.priorities[0].targets.RESOLUTION.calendarId"))
        .body("errors[1].message", containsString("unknown calendar nowhere"))
        .body("detail", containsString("$.priorities[0].targets.RESPONSE.target"));
    given().get("/plans/{id}", plan).then().statusCode(404);

    Plans.put(plan, gold("PT4H", "2020-01-01T00:00:00Z"))
        .statusCode(400)
        .body("errors[0].field", equalTo("$.effectiveFrom"));
    Plans.put(plan, "{\"names\":").statusCode(400).body("errors[0].field", equalTo("$"));
    Plans.put("Not An Id", gold("PT4H", null)).statusCode(400);
  }

  @Test
  void aPlanMayUseACalendarMadeWithPut() {
    String calendar = "gold-hours-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"zone":"Asia/Shanghai","windows":[
          {"startDay":"MONDAY","startTime":"08:00","endDay":"MONDAY","endTime":"20:00"}]}""")
        .put("/calendars/{id}", calendar)
        .then()
        .statusCode(201);
    Plans.put(
            "hours-" + UUID.randomUUID(),
            gold("PT4H", null).replace("\"emq-5x8\"", "\"" + calendar + "\""))
        .statusCode(201)
        .body("priorities[0].clocks.find { it.metric == 'RESOLUTION' }.target", equalTo("PT24H"));
  }

  @Test
  void versionsPutAtTheSameTimeEachGetANumberOfTheirOwn() throws Exception {
    String plan = "together-" + UUID.randomUUID();
    List<CompletableFuture<Integer>> puts =
        IntStream.range(0, 4)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            Plans.put(plan, gold("PT" + (i + 1) + "H", null))
                                .statusCode(anyOf(equalTo(200), equalTo(201)))
                                .extract()
                                .<Integer>path("version")))
            .toList();
    List<Integer> versions = new ArrayList<>();
    for (CompletableFuture<Integer> put : puts) {
      versions.add(put.get(30, TimeUnit.SECONDS));
    }
    assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
    given().get("/plans/{id}", plan).then().body("versions", contains(1, 2, 3, 4));
  }

  @Test
  void onlyAnAdminDefinesPlans() {
    given()
        .auth()
        .oauth2(Tokens.of("ops"))
        .contentType(ContentType.JSON)
        .body(gold("PT4H", null))
        .put("/plans/{id}", "ops-" + UUID.randomUUID())
        .then()
        .statusCode(403);
  }

  @Test
  void theBuiltInPlansShowTheirDefinitions() {
    given()
        .get("/plans/websoft9-standard")
        .then()
        .statusCode(200)
        .body("definition.names.zh", equalTo("Websoft9 标准支持"))
        .body("definition.compensation.kind", equalTo("PERCENT_PER_BREACHED_TICKET"));
  }
}
