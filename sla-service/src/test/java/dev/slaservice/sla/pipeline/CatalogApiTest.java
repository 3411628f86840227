package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Plans and calendars over REST. */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CatalogApiTest {

  private static final String FIVE_BY_EIGHT =
      """
      {"zone":"Asia/Shanghai","windows":[
        {"startDay":"MONDAY","startTime":"09:00","endDay":"MONDAY","endTime":"18:00"},
        {"startDay":"TUESDAY","startTime":"09:00","endDay":"TUESDAY","endTime":"18:00"}],
       "holidays":[{"date":"2026-10-01","name":"National Day"}]}""";

  @Nested
  class Plans {
    @Test
    void theSeedVendorsPlansAreBuiltIn() {
      given()
          .get("/plans")
          .then()
          .statusCode(200)
          .body(
              "items.id",
              hasItems(
                  "websoft9-standard",
                  "websoft9-advanced",
                  "websoft9-premium",
                  "emq-5x8",
                  "emq-7x24",
                  "orangesky"));
    }

    @Test
    void aPlanShowsItsPrioritiesClocksAndTargets() {
      given()
          .get("/plans/emq-5x8")
          .then()
          .statusCode(200)
          .body(
              "priorities.find { it.priority == 'P3' }.clocks.metric",
              contains("RESPONSE", "RESOLUTION"))
          .body(
              "priorities.find { it.priority == 'P1' }.clocks.find { it.metric == 'RESOLUTION' }.target",
              equalTo("PT450H"))
          .body("warningPercents", contains(50, 75));
    }

    @Test
    void anUnknownPlanIsNotFound() {
      given()
          .get("/plans/nope")
          .then()
          .statusCode(404)
          .contentType(startsWith("application/problem+json"));
    }
  }

  @Nested
  class Calendars {
    @Test
    void orangeskysTwentyFourByFiveIsOneWindowAcrossTheWeek() {
      given()
          .get("/calendars/orangesky-24x5")
          .then()
          .statusCode(200)
          .body("kind", equalTo("WEEKLY"))
          .body("zone", equalTo("America/Los_Angeles"))
          .body("windows[0].startDay", equalTo("SUNDAY"))
          .body("windows[0].endDay", equalTo("FRIDAY"));
    }

    @Test
    void theDueInstantOfFourHoursFromFriday1659IsSunday1859PacificTime() {
      given()
          .queryParam("start", "2026-11-20T16:59:00-08:00")
          .queryParam("duration", "PT4H")
          .get("/calendars/orangesky-24x5/due")
          .then()
          .statusCode(200)
          .body("due", equalTo("2026-11-23T02:59:00Z"))
          .body("calendarVersion", equalTo(1));
    }

    @Test
    void aBadDueQuestionIsABadRequestSayingWhatToSend() {
      given()
          .queryParam("start", "2026-11-20T16:59:00-08:00")
          .queryParam("duration", "four hours")
          .get("/calendars/orangesky-24x5/due")
          .then()
          .statusCode(400)
          .body("detail", containsString("PT4H"));
      given()
          .queryParam("start", "friday")
          .queryParam("duration", "PT4H")
          .get("/calendars/orangesky-24x5/due")
          .then()
          .statusCode(400)
          .body("detail", containsString("offset"));
      given()
          .queryParam("start", "2026-11-20T16:59:00-08:00")
          .queryParam("duration", "-PT4H")
          .get("/calendars/orangesky-24x5/due")
          .then()
          .statusCode(400);
      given()
          .queryParam("start", "2026-11-20T16:59:00-08:00")
          .queryParam("duration", "PT4H")
          .get("/calendars/nope/due")
          .then()
          .statusCode(404);
    }

    @Test
    void aNewCalendarIsCreatedAndAChangeAddsAVersion() {
      String id = "team-" + UUID.randomUUID().toString().substring(0, 8);
      given()
          .contentType(ContentType.JSON)
          .body(FIVE_BY_EIGHT)
          .put("/calendars/{id}", id)
          .then()
          .statusCode(201)
          .body("version", equalTo(1))
          .body("holidays[0].date", equalTo("2026-10-01"));
      given()
          .contentType(ContentType.JSON)
          .body(FIVE_BY_EIGHT.replace("18:00", "17:00"))
          .put("/calendars/{id}", id)
          .then()
          .statusCode(200)
          .body("version", equalTo(2))
          .body("versions", contains(1, 2))
          .body("windows[0].endTime", equalTo("17:00:00"));
      // Wednesday is closed in this calendar and Thursday a holiday: Monday 09:00 + 4 h
      given()
          .queryParam("start", "2026-09-30T16:00:00+08:00")
          .queryParam("duration", "PT4H")
          .get("/calendars/{id}/due", id)
          .then()
          .statusCode(200)
          .body("calendarVersion", equalTo(1))
          .body("due", equalTo("2026-10-05T05:00:00Z"));
    }

    @Test
    void anInvalidCalendarIsRefusedWithTheReason() {
      given()
          .contentType(ContentType.JSON)
          .body(FIVE_BY_EIGHT.replace("Asia/Shanghai", "Mars/Olympus"))
          .put("/calendars/bad-zone")
          .then()
          .spec(problem(400, "Mars/Olympus"));
      given()
          .contentType(ContentType.JSON)
          .body(
              FIVE_BY_EIGHT
                  .replace(
                      "\"TUESDAY\",\"startTime\":\"09:00\"", "\"MONDAY\",\"startTime\":\"17:00\"")
                  .replace("\"endDay\":\"TUESDAY\"", "\"endDay\":\"MONDAY\""))
          .put("/calendars/overlapping")
          .then()
          .statusCode(400)
          .body("detail", containsString("overlap"));
      given()
          .contentType(ContentType.JSON)
          .body("{\"zone\":\"UTC\",\"windows\":[]}")
          .put("/calendars/empty")
          .then()
          .statusCode(400)
          .body("detail", containsString("at least one"));
      given()
          .contentType(ContentType.JSON)
          .body(FIVE_BY_EIGHT)
          .put("/calendars/24x7")
          .then()
          .statusCode(400)
          .body("detail", containsString("always open"));
      given()
          .contentType(ContentType.JSON)
          .body("{\"zone\":")
          .put("/calendars/broken")
          .then()
          .statusCode(400);
    }
  }
}
