package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.ids;
import static dev.slaservice.sla.support.Tickets.list;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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
 * The ticket list of the ops API over real Kafka and PostgreSQL: states, paging, filters,
 * languages, and the problems of bad queries.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class OpsApiListTest {

  @Inject MovableClock clock;

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
      refused("state", "LATE")
          .contentType("application/problem+json")
          .body("detail", containsString("BREACHED, AT_RISK, RUNNING, PAUSED, MET"))
          .body("code", equalTo("query.bad-enum"));
    }

    @Test
    void whenTheCursorIsForgedOrTheLimitTooLargeThen400() {
      refused("cursor", "bm90LWEtY3Vyc29y")
          .contentType("application/problem+json")
          .body("code", equalTo("query.bad-cursor"));
      refused("limit", 100000).body("detail", containsString("1 to 500"));
      refused("dueBefore", "yesterday").body("detail", containsString("dueBefore"));
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

  /** The list asked for with one bad query parameter: its 400. */
  private static ValidatableResponse refused(String param, Object value) {
    return given().queryParam(param, value).get("/tickets").then().statusCode(400);
  }
}
