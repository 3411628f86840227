package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.ids;
import static dev.slaservice.sla.support.Tickets.list;
import static dev.slaservice.sla.support.Tickets.readAsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.application.WhatIfService;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.Json;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.WhatIf;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The ops API over real Kafka and PostgreSQL: lists, history, as-of readings, timelines, what-if,
 * languages.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class OpsApiTest {

  @Inject MovableClock clock;

  @Inject Database database;

  /**
   * Four tickets of one customer on Websoft9 Premium HIGH (response in 10 min), one in each state.
   */
  private record FourTickets(
      String customer, String breached, String atRisk, String running, String met, Instant now) {}

  private FourTickets fourTickets() {
    String customer = "ops-" + UUID.randomUUID();
    Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
    FourTickets t =
        new FourTickets(
            customer,
            "B-" + UUID.randomUUID(),
            "A-" + UUID.randomUUID(),
            "R-" + UUID.randomUUID(),
            "M-" + UUID.randomUUID(),
            now);
    Intake.accepted(
        Events.batch(
            Events.premiumHigh(t.breached(), customer, now.minus(Duration.ofMinutes(11))),
            Events.premiumHigh(t.atRisk(), customer, now.minus(Duration.ofMinutes(6))),
            Events.premiumHigh(t.running(), customer, now.minus(Duration.ofMinutes(1))),
            Events.premiumHigh(t.met(), customer, now.minus(Duration.ofMinutes(2))),
            Events.simple("WorkStarted", t.met(), now.minus(Duration.ofMinutes(1)))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids(given()
                            .queryParam("customerId", customer)
                            .queryParam("limit", 10)
                            .get("/tickets")
                            .jsonPath())
                        .size()
                    == 4);
    return t;
  }

  @Nested
  class GivenTicketsInEveryState {

    @Test
    void whenListedByStateThenEachStateHoldsItsTicketSortedByDeadline() {
      FourTickets t = fourTickets();
      assertThat(ids(list(t.customer(), "state", "BREACHED"))).containsExactly(t.breached());
      assertThat(ids(list(t.customer(), "state", "AT_RISK"))).containsExactly(t.atRisk());
      assertThat(ids(list(t.customer(), "state", "RUNNING"))).containsExactly(t.running());
      assertThat(ids(list(t.customer(), "state", "MET"))).containsExactly(t.met());
      JsonPath risky = list(t.customer(), "state", "AT_RISK,BREACHED");
      assertThat(ids(risky)).containsExactly(t.breached(), t.atRisk());
      assertThat(risky.getString("items[0].deadline"))
          .isEqualTo(t.now().minus(Duration.ofMinutes(1)).toString());
      assertThat(risky.getString("items[1].atRiskFrom"))
          .isEqualTo(t.now().minus(Duration.ofMinutes(1)).toString());
    }

    @Test
    void whenPagedOneByOneThenTheCursorWalksTheWholeListInDeadlineOrder() {
      FourTickets t = fourTickets();
      List<String> seen = new ArrayList<>();
      String cursor = null;
      for (int page = 0; page < 10; page++) {
        var request = given().queryParam("customerId", t.customer()).queryParam("limit", 1);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        JsonPath body = request.get("/tickets").then().statusCode(200).extract().jsonPath();
        seen.addAll(ids(body));
        cursor = body.getString("nextCursor");
        if (cursor == null) {
          break;
        }
      }
      // the met ticket has no open deadline, so it sorts last
      assertThat(seen).containsExactly(t.breached(), t.atRisk(), t.running(), t.met());
    }

    @Test
    void whenFilteredByMetricAndDeadlineThenOnlyMatchingClocksAreListed() {
      FourTickets t = fourTickets();
      JsonPath response =
          given()
              .queryParam("customerId", t.customer())
              .queryParam("metric", "RESPONSE")
              .queryParam("dueBefore", t.now().plus(Duration.ofMinutes(5)).toString())
              .queryParam("dueAfter", t.now().toString())
              .get("/tickets")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(ids(response)).containsExactly(t.atRisk());
      assertThat(response.getString("items[0].metric")).isEqualTo("RESPONSE");
      assertThat(
              ids(
                  given()
                      .queryParam("planId", "websoft9-premium")
                      .queryParam("priority", "HIGH")
                      .queryParam("customerId", t.customer())
                      .queryParam("state", "MET")
                      .get("/tickets")
                      .jsonPath()))
          .containsExactly(t.met());
    }

    @Test
    void whenAskedInChineseThenNamesAndStatesReadInChinese() {
      FourTickets t = fourTickets();
      given()
          .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
          .get("/tickets/{id}", t.breached())
          .then()
          .statusCode(200)
          .body("planName", equalTo("Websoft9 尊享支持"))
          .body("stateName", equalTo("已违约"))
          .body("clocks[0].metricName", equalTo("响应"));
      given()
          .header("Accept-Language", "en")
          .get("/tickets/{id}", t.breached())
          .then()
          .body("planName", equalTo("Websoft9 Premium Support"))
          .body("stateName", equalTo("Breached"));
    }
  }

  @Nested
  class GivenBadQueries {

    @Test
    void whenTheStateIsUnknownThenA400NamesTheAllowedStates() {
      given()
          .queryParam("state", "LATE")
          .get("/tickets")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("BREACHED, AT_RISK, RUNNING, PAUSED, MET"))
          .body("code", equalTo("query.bad-enum"));
    }

    @Test
    void whenTheCursorIsForgedOrTheLimitTooLargeThen400() {
      given()
          .queryParam("cursor", "bm90LWEtY3Vyc29y")
          .get("/tickets")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("query.bad-cursor"));
      given()
          .queryParam("limit", 100000)
          .get("/tickets")
          .then()
          .statusCode(400)
          .body("detail", containsString("1 to 500"));
      given()
          .queryParam("dueBefore", "yesterday")
          .get("/tickets")
          .then()
          .statusCode(400)
          .body("detail", containsString("dueBefore"));
    }

    @Test
    void whenAnUnknownTicketIsAskedForInChineseThenTheProblemIsInChinese() {
      given()
          .header("Accept-Language", "zh")
          .get("/tickets/{id}", "nope-" + UUID.randomUUID())
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("title", equalTo("未找到"))
          .body("detail", containsString("未知工单"));
      given()
          .get("/tickets/{id}/events", "nope-" + UUID.randomUUID())
          .then()
          .statusCode(404)
          .body("detail", containsString("post its TicketOpened"));
    }
  }

  @Nested
  class GivenATicketWhoseEventsArrivedOutOfOrder {

    @Test
    void whenItsHistoryIsReadThenEventsComeInOccurrenceOrderWithArrivalTimesAndPages() {
      String ticket = Events.newTicketId();
      Instant opened = openedPremiumHigh(ticket, Duration.ofMinutes(30));
      Intake.accepted(Events.simple("TicketResolved", ticket, opened.plus(Duration.ofMinutes(20))));
      Intake.accepted(Events.simple("WorkStarted", ticket, opened.plus(Duration.ofMinutes(4))));
      awaitEvents(ticket, 3);

      JsonPath all =
          given().get("/tickets/{id}/events", ticket).then().statusCode(200).extract().jsonPath();
      assertThat(all.getList("items.type", String.class))
          .containsExactly("TicketOpened", "WorkStarted", "TicketResolved");
      assertThat(all.getString("items[1].occurredAt"))
          .isEqualTo(opened.plus(Duration.ofMinutes(4)).toString());
      assertThat(Instant.parse(all.getString("items[1].recordedAt")))
          .isAfter(Instant.parse(all.getString("items[2].recordedAt")).minusMillis(1));
      assertThat(all.getString("items[0].event.customerId")).isEqualTo("acme");

      JsonPath first =
          given().queryParam("limit", 2).get("/tickets/{id}/events", ticket).jsonPath();
      JsonPath second =
          given()
              .queryParam("limit", 2)
              .queryParam("cursor", first.getString("nextCursor"))
              .get("/tickets/{id}/events", ticket)
              .jsonPath();
      assertThat(second.getList("items.type", String.class)).containsExactly("TicketResolved");
      assertThat(second.getString("nextCursor")).isNull();
    }
  }

  @Nested
  class GivenABreachTwentyMinutesAgo {

    @Test
    void whenReadAsOfBeforeAndAfterTheDeadlineThenTheReadingsDiffer() {
      String ticket = Events.newTicketId();
      Instant opened = openedPremiumHigh(ticket, Duration.ofMinutes(20));
      awaitState(ticket, "BREACHED");

      readAsOf(ticket, opened.plus(Duration.ofMinutes(3)))
          .statusCode(200)
          .body("state", equalTo("RUNNING"))
          .body("clocks[0].elapsed", equalTo("PT3M"))
          .body("asOf", equalTo(opened.plus(Duration.ofMinutes(3)).toString()));
      readAsOf(ticket, opened.plus(Duration.ofMinutes(6))).body("state", equalTo("AT_RISK"));
      readAsOf(ticket, opened.plus(Duration.ofMinutes(15)))
          .body("state", equalTo("BREACHED"))
          .body("clocks[0].state", equalTo("BREACHED"));
      readAsOf(ticket, opened.minus(Duration.ofMinutes(1))).statusCode(404);
    }

    @Test
    void whenItsTimelineIsReadThenItShowsTheWarningsTheDeadlineAndTheLateWork() {
      String ticket = Events.newTicketId();
      Instant opened = openedPremiumHigh(ticket, Duration.ofMinutes(20));
      Intake.accepted(Events.simple("WorkStarted", ticket, opened.plus(Duration.ofMinutes(12))));
      awaitEvents(ticket, 2);

      JsonPath timeline =
          given().get("/tickets/{id}/timeline", ticket).then().statusCode(200).extract().jsonPath();
      assertThat(timeline.getList("steps.cause", String.class))
          .containsExactly(
              "EVENT", "WARNING_REACHED", "WARNING_REACHED", "DEADLINE_PASSED", "EVENT", "AS_OF");
      assertThat(timeline.getString("steps[3].at"))
          .isEqualTo(opened.plus(Duration.ofMinutes(10)).toString());
      assertThat(timeline.getString("steps[3].clocks[0].counted")).isEqualTo("PT2M30S");
      assertThat(timeline.getString("steps[4].eventType")).isEqualTo("WorkStarted");
      assertThat(timeline.getString("steps[4].clocks[0].status")).isEqualTo("BREACHED");
      assertThat(timeline.getString("steps[4].clocks[0].calendarId")).isEqualTo("24x7");
      assertThat(timeline.getString("planName")).isEqualTo("Websoft9 Premium Support");
    }
  }

  @Nested
  class GivenPremiumTicketsWithSlowAndFastResponses {

    private final String customer = "whatif-" + UUID.randomUUID();
    private final String slow = "S-" + UUID.randomUUID();
    private final String fast = "F-" + UUID.randomUUID();
    private Instant now;
    private Instant opened;

    /**
     * Premium HIGH answers within 10 min: the slow ticket answered after 20 (breached), the fast
     * after 5.
     */
    private void openSlowAndFast() {
      now = clock.now().truncatedTo(ChronoUnit.SECONDS);
      opened = now.minus(Duration.ofMinutes(40));
      Intake.accepted(
          Events.batch(
              Events.premiumHigh(slow, customer, opened),
              Events.simple("WorkStarted", slow, opened.plus(Duration.ofMinutes(20))),
              Events.premiumHigh(fast, customer, opened),
              Events.simple("WorkStarted", fast, opened.plus(Duration.ofMinutes(5)))));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ids(list(customer, "state", "BREACHED")).size() == 1
                      && ids(list(customer, "state", "MET")).size() == 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  database.count(
                          "select count(*) from outbox where record_key"
                              + " in (select ticket_id from ticket_projection where customer_id = $1)",
                          customer)
                      == 0);
    }

    /** Websoft9 Premium's definition with the HIGH response target changed to {@code target}. */
    private static ObjectNode premiumDraft(String target) {
      ObjectNode definition = Json.builtInPlan("websoft9-premium");
      for (JsonNode priority : definition.get("priorities")) {
        if ("HIGH".equals(priority.get("id").asText())) {
          ((ObjectNode) priority.get("targets").get("RESPONSE")).put("target", target);
        }
      }
      return definition;
    }

    private ObjectNode draftQuestion(ObjectNode definition) {
      ObjectNode question =
          EventJson.mapper()
              .createObjectNode()
              .put("openedFrom", opened.minusSeconds(1).toString())
              .put("openedTo", now.toString())
              .put("customerId", customer);
      question.putObject("plan").set("definition", definition);
      return question;
    }

    @Test
    void
        whenAskedWhatIfADraftAnsweredWithin3MinutesThenTheFastOneGainsABreachAndTheSlowOnesMoves() {
      openSlowAndFast();
      List<List<String>> storedBefore = stored(customer);

      JsonPath answer = WhatIf.answer(draftQuestion(premiumDraft("PT3M")).toString());

      assertThat(answer.getInt("examined")).isEqualTo(2);
      assertThat(answer.getInt("breachesGained")).isEqualTo(1);
      assertThat(answer.getInt("breachesMoved")).isEqualTo(1);
      assertThat(answer.getInt("breachesLost")).isZero();
      assertThat(
              answer.getString(
                  "items.find { it.ticketId == '%s' }.gained[0].deadline".formatted(fast)))
          .isEqualTo(opened.plus(Duration.ofMinutes(3)).toString());
      assertThat(
              answer.getString(
                  "items.find { it.ticketId == '%s' }.moved[0].deadline".formatted(slow)))
          .isEqualTo(opened.plus(Duration.ofMinutes(3)).toString());
      assertThat(stored(customer)).isEqualTo(storedBefore);
      given().get("/plans/{id}", WhatIfService.DRAFT).then().statusCode(404);
    }

    @Test
    void whenTheDraftIsInvalidThenEveryProblemIsNamedWithItsPathInTheBody() {
      openSlowAndFast();
      ObjectNode draft = premiumDraft("-PT5M");
      draft.put("colour", "gold");
      WhatIf.ask(draftQuestion(draft).toString())
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body(
              "errors.field",
              containsInAnyOrder(
                  "$.plan.definition.colour",
                  "$.plan.definition.priorities[1].targets.RESPONSE.target"));
    }

    @Test
    void whenAskedWhatIfTheyWereOnAdvancedThenTheSlowOneLosesItsBreachAndNothingIsStored() {
      openSlowAndFast();
      List<List<String>> storedBefore = stored(customer);

      String question =
          """
          {"openedFrom":"%s","openedTo":"%s","customerId":"%s","plan":{"id":"websoft9-advanced"}}"""
              .formatted(opened.minusSeconds(1), now, customer);
      JsonPath answer = WhatIf.answer(question);

      assertThat(answer.getInt("examined")).isEqualTo(2);
      assertThat(answer.getInt("breachesLost")).isEqualTo(1);
      assertThat(answer.getInt("breachesGained")).isZero();
      assertThat(answer.getList("items.ticketId", String.class)).containsExactly(slow);
      assertThat(answer.getString("items[0].lost[0].metric")).isEqualTo("RESPONSE");
      assertThat(stored(customer)).isEqualTo(storedBefore);
      given().get("/tickets/{id}", slow).then().body("state", equalTo("BREACHED"));
    }

    @Test
    void whenTheAlternativeIsMissingOrUnknownThenTheProblemSaysWhat() {
      String range =
          "\"openedFrom\":\"2026-01-01T00:00:00Z\",\"openedTo\":\"2026-02-01T00:00:00Z\"";
      WhatIf.ask("{" + range + "}")
          .statusCode(400)
          .body("code", equalTo("whatif.alternative-required"));
      WhatIf.ask("{" + range + ",\"plan\":{\"id\":\"gold\"}}")
          .statusCode(404)
          .body("detail", containsString("no plan gold"));
      WhatIf.ask(
              "{\"openedFrom\":\"2026-02-01T00:00:00Z\","
                  + "\"openedTo\":\"2026-01-01T00:00:00Z\",\"plan\":{\"id\":\"websoft9-advanced\"}}")
          .statusCode(400)
          .body("code", equalTo("whatif.range-required"));
    }
  }

  /** Everything stored about a customer's tickets, as text. */
  private List<List<String>> stored(String customer) {
    List<List<String>> rows =
        new ArrayList<>(
            database.rows(
                "select ticket_id, status, clocks::text, published::text,"
                    + " updated_at::text from ticket_projection where customer_id = $1 order by ticket_id",
                customer));
    rows.addAll(
        database.rows(
            "select count(*)::text from event_store where ticket_id in"
                + " (select ticket_id from ticket_projection where customer_id = $1)",
            customer));
    rows.addAll(
        database.rows(
            "select count(*)::text from outbox where record_key in"
                + " (select ticket_id from ticket_projection where customer_id = $1)",
            customer));
    rows.addAll(
        database.rows(
            "select ticket_id, due_at::text from sla_timer where ticket_id in"
                + " (select ticket_id from ticket_projection where customer_id = $1) order by ticket_id",
            customer));
    return rows;
  }

  /**
   * Opens an acme ticket on Websoft9 Premium HIGH (response in 10 min) {@code ago}, to the second.
   */
  private Instant openedPremiumHigh(String ticket, Duration ago) {
    Instant opened = clock.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
    Intake.accepted(Events.acmePremiumHigh(ticket, opened));
    return opened;
  }

  private static void awaitEvents(String ticket, int count) {
    await()
        .atMost(Tickets.WAIT)
        .until(
            () ->
                given().get("/tickets/{id}/events", ticket).jsonPath().getList("items").size()
                    == count);
  }

  private static void awaitState(String ticket, String state) {
    Tickets.awaitReading(ticket, reading -> reading.body("state", equalTo(state)));
  }
}
